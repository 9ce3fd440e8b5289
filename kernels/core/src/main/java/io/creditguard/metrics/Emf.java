package io.creditguard.metrics;

import java.io.PrintStream;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.json.Json;

/**
 * The metrics the template's alarms watch, written as CloudWatch Embedded Metric Format lines: one JSON
 * object per line on standard output, which Lambda sends to CloudWatch Logs, where it becomes a metric
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 * Each is a count in namespace {@value #NAMESPACE}, dimensioned by the function and by one more
 * dimension, so an alarm can watch the function's total.
 */
public final class Emf {

    public static final String NAMESPACE = "creditguard";

    private Emf() {
    }

    /** Writes one count of {@code metric} for {@code dimension}={@code value}. */
    public static void count(String metric, String dimension, String value, String function, Instant at) {
        PrintStream out = System.out;
        out.println(line(metric, dimension, value, function, at, 1));
        out.flush();
    }

    /** The EMF line of {@code count} occurrences. */
    public static String line(String metric, String dimension, String value, String function, Instant at, long count) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        dimensions.addArray().add("Function");
        dimensions.addArray().add("Function").add(dimension);
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        root.put("Function", function);
        root.put(dimension, value);
        root.put(metric, count);
        return Json.write(root);
    }
}
