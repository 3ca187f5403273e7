package dev.postventa.tracking.stall;

import dev.postventa.events.shipments.ShipmentStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stall SLA of a shipment: how long it may go without a new scan, by carrier, customer country and status.
 * Rules {@code carrier:country:STATUS=duration} ({@code *} = any carrier or any country); the most specific rule
 * wins (carrier and country, then carrier alone, then country alone), and without a rule the global SLA of the
 * status applies (label unused for {@code LABEL_CREATED}, in transit for every moving status). Pure: parsed once at
 * startup, where a bad rule stops the service with a message naming it.
 */
public final class StallSlas {

    private static final String ANY = "*";
    private static final Pattern RULE = Pattern.compile("\\s*([^:=\\s]+)\\s*:\\s*([^:=\\s]+)\\s*:\\s*([^:=\\s]+)\\s*="
            + "\\s*(\\S+)\\s*");
    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    private final Duration labelUnused;
    private final Duration inTransit;
    // Key: carrier (lower case or *) | country (upper case or *) | status.
    private final Map<String, Duration> rules;

    private StallSlas(Duration labelUnused, Duration inTransit, Map<String, Duration> rules) {
        this.labelUnused = labelUnused;
        this.inTransit = inTransit;
        this.rules = rules;
    }

    /**
     * The SLAs of the given global defaults and rule texts; {@link IllegalArgumentException} naming every rule that
     * is not understood (bad shape, unknown status, a country that is not two letters, a duration not positive), or
     * given twice.
     */
    public static StallSlas of(Duration labelUnused, Duration inTransit, List<String> ruleTexts) {
        Map<String, Duration> rules = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String text : ruleTexts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                Map.Entry<String, Duration> rule = parse(text);
                if (rules.put(rule.getKey(), rule.getValue()) != null) {
                    problems.add("'" + text.strip() + "' is given twice");
                }
            } catch (IllegalArgumentException bad) {
                problems.add("'" + text.strip() + "': " + bad.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid stall SLA rule (STALL_SLAS, postventa.stall-slas.rules, "
                    + "carrier:country:STATUS=duration): " + String.join("; ", problems));
        }
        return new StallSlas(labelUnused, inTransit, Map.copyOf(rules));
    }

    /** The SLA for a shipment of this carrier, customer country and status. */
    public Duration of(String carrier, String country, ShipmentStatus status) {
        String c = carrier == null ? ANY : carrier.toLowerCase(Locale.ROOT);
        String k = country == null ? ANY : country.toUpperCase(Locale.ROOT);
        for (String key : List.of(key(c, k, status), key(c, ANY, status), key(ANY, k, status))) {
            Duration sla = rules.get(key);
            if (sla != null) {
                return sla;
            }
        }
        return status == ShipmentStatus.LABEL_CREATED ? labelUnused : inTransit;
    }

    private static Map.Entry<String, Duration> parse(String text) {
        Matcher rule = RULE.matcher(text);
        if (!rule.matches()) {
            throw new IllegalArgumentException("not carrier:country:STATUS=duration");
        }
        String carrier = rule.group(1).toLowerCase(Locale.ROOT);
        String country = rule.group(2).toUpperCase(Locale.ROOT);
        if (!country.equals(ANY) && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country '" + rule.group(2) + "' is not ISO 3166-1 alpha-2 nor *");
        }
        ShipmentStatus status;
        try {
            status = ShipmentStatus.valueOf(rule.group(3).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("status '" + rule.group(3) + "' is not a shipment status");
        }
        if (status == ShipmentStatus.DELIVERED_TO_WAREHOUSE) {
            throw new IllegalArgumentException("a delivered shipment never stalls");
        }
        Duration sla = duration(rule.group(4));
        if (sla.isNegative() || sla.isZero()) {
            throw new IllegalArgumentException("duration '" + rule.group(4) + "' is not positive");
        }
        return Map.entry(key(carrier, country, status), sla);
    }

    private static Duration duration(String text) {
        Matcher shortForm = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException("duration '" + text + "' is neither ISO-8601 (PT96H, P10D) nor 96h/10d");
        }
    }

    private static String key(String carrier, String country, ShipmentStatus status) {
        return carrier + "|" + country + "|" + status;
    }
}
