package dev.postventa.tracking;

import static dev.postventa.infra.Callers.management;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples from the service's Prometheus scrape on the management interface, as Prometheus would. */
final class MetricsScrape {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    private MetricsScrape() {
    }

    /** The value of the sample of {@code metric} with exactly these labels, 0 while it has no such series yet. */
    static double value(String metric, Map<String, String> labels) {
        String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = SAMPLE.matcher(body);
        while (line.find()) {
            if (!line.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            Matcher label = LABEL.matcher(line.group(2));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.equals(labels)) {
                return Double.parseDouble(line.group(3));
            }
        }
        return 0;
    }
}
