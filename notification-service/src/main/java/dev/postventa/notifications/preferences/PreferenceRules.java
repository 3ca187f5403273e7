package dev.postventa.notifications.preferences;

import dev.postventa.support.problem.Problem;
import dev.postventa.support.problem.ProblemException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a preferences request field by field: a malformed value is a 400 (each field named), a well-formed request
 * the rules refuse (SMS without a phone) a 422.
 */
public final class PreferenceRules {

    /** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> CHANNELS = Set.of(CustomerPreference.EMAIL, CustomerPreference.SMS);

    private PreferenceRules() {
    }

    /** The request's channels in a stable order, once each; throws the problem when the request is refused. */
    public static List<String> check(PreferencesRequest request) {
        if (request == null) {
            throw ProblemException.invalid("Invalid preferences",
                    List.of(new Problem.FieldViolation("body", "must be a JSON object")));
        }
        List<Problem.FieldViolation> invalid = new ArrayList<>();
        Set<String> channels = new LinkedHashSet<>();
        if (request.channels() == null || request.channels().isEmpty()) {
            invalid.add(new Problem.FieldViolation("channels", "must name at least one of email, sms"));
        } else {
            for (String channel : request.channels()) {
                if (channel == null || !CHANNELS.contains(channel)) {
                    invalid.add(new Problem.FieldViolation("channels", "unknown channel '" + channel
                            + "': email or sms"));
                } else {
                    channels.add(channel);
                }
            }
        }
        if (request.phone() != null && !E164.matcher(request.phone()).matches()) {
            invalid.add(new Problem.FieldViolation("phone", "must be an E.164 number such as +5215512345678"));
        }
        if (request.optOutNonEssential() == null) {
            invalid.add(new Problem.FieldViolation("optOutNonEssential", "must be true or false"));
        }
        PreferencesView.QuietHoursView quiet = request.quietHours();
        if (quiet != null) {
            boolean fromOk = quiet.from() != null && HH_MM.matcher(quiet.from()).matches();
            boolean toOk = quiet.to() != null && HH_MM.matcher(quiet.to()).matches();
            if (!fromOk) {
                invalid.add(new Problem.FieldViolation("quietHours.from", "must be a local time HH:mm"));
            }
            if (!toOk) {
                invalid.add(new Problem.FieldViolation("quietHours.to", "must be a local time HH:mm"));
            }
            if (fromOk && toOk && LocalTime.parse(quiet.from()).equals(LocalTime.parse(quiet.to()))) {
                invalid.add(new Problem.FieldViolation("quietHours.to", "must differ from quietHours.from"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid("Invalid preferences", invalid);
        }
        if (channels.contains(CustomerPreference.SMS) && request.phone() == null) {
            throw ProblemException.unprocessable("sms-needs-phone", "SMS needs a phone number",
                    List.of(new Problem.FieldViolation("phone", "is required when sms is chosen")));
        }
        return CHANNELS.stream().filter(channels::contains).sorted().toList();
    }
}
