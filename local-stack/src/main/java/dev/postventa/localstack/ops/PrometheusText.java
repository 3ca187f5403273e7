package dev.postventa.localstack.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition ({@code /q/metrics}): enough of the format for the ops page. */
public final class PrometheusText {

    /** One sample line: {@code name{label="value",...} 1.0}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\n", "\n")
                            .replace("\\\\", "\\"));
                }
            }
            parseValue(m.group(4)).ifPresent(v -> samples.add(new Sample(m.group(1), Map.copyOf(labels), v)));
        }
        return new PrometheusText(List.copyOf(samples));
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The first sample of {@code name}, whatever its labels. */
    public Optional<Double> value(String name) {
        return samples(name).stream().findFirst().map(Sample::value);
    }

    /** Sum of every sample of {@code name} (a gauge split by topic, say). */
    public Optional<Double> sum(String name) {
        List<Sample> matching = samples(name);
        return matching.isEmpty() ? Optional.empty()
                : Optional.of(matching.stream().mapToDouble(Sample::value).sum());
    }

    /** The value of {@code label} on the sample of {@code name} whose value is 1 (an enum-like gauge). */
    public Optional<String> labelOfTheOne(String name, String label) {
        return samples(name).stream().filter(s -> s.value() == 1.0).map(s -> s.labels().get(label)).findFirst();
    }

    private static Optional<Double> parseValue(String text) {
        return switch (text) {
            case "NaN" -> Optional.of(Double.NaN);
            case "+Inf" -> Optional.of(Double.POSITIVE_INFINITY);
            case "-Inf" -> Optional.of(Double.NEGATIVE_INFINITY);
            default -> {
                try {
                    yield Optional.of(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
        };
    }
}
