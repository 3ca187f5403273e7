package dev.postventa.returns.policy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a return window lasts: a number of calendar days ({@code 14d}) or of business days ({@code 5bd}: Saturdays,
 * Sundays and the country's public holidays do not count), counted from the day after delivery.
 */
public record WindowLength(int days, boolean businessDays) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,4})\\s*(bd|d)\\s*");

    public WindowLength {
        if (days < 0) {
            throw new IllegalArgumentException("a return window cannot be negative: " + days);
        }
    }

    /** {@code 14d} (calendar days) or {@code 5bd} (business days). */
    public static WindowLength parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a return window is a number of days such as 14d (calendar days) or "
                    + "5bd (business days), not '" + text + "'");
        }
        return new WindowLength(Integer.parseInt(m.group(1)), "bd".equals(m.group(2)));
    }

    /**
     * The shop's default window, {@code postventa.returns.window} (a Duration such as 30d): whole calendar days,
     * a part of a day counting as a whole one (a window closes at the end of a local day).
     */
    public static WindowLength ofDuration(Duration window) {
        long seconds = window.getSeconds() + (window.getNano() > 0 ? 1 : 0);
        long days = (seconds + 86_399) / 86_400;
        return new WindowLength((int) Math.min(days, 9999), false);
    }

    /** e.g. "5 business days" or "14 days". */
    public String describe() {
        return days + (businessDays ? " business day" : " day") + (days == 1 ? "" : "s");
    }
}
