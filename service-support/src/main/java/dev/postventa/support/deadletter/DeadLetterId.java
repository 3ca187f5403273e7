package dev.postventa.support.deadletter;

import dev.postventa.support.problem.Problem.FieldViolation;
import dev.postventa.support.problem.ProblemException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dead-lettered message's name: its position on the service's dead-letter topic, {@code <partition>-<offset>}. */
public record DeadLetterId(int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    /** The id in {@code value}, or a 400 problem. */
    public static DeadLetterId parse(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw ProblemException.invalid("Request is not valid",
                    List.of(new FieldViolation("id", "must be <partition>-<offset>, e.g. 0-42")));
        }
        return new DeadLetterId(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return partition + "-" + offset;
    }
}
