package io.creditguard.rates;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.json.Json;

/**
 * The metrics the template's alarms watch, written as CloudWatch Embedded Metric Format lines (one
 * JSON object per line on standard output, which Lambda sends to CloudWatch Logs, where it becomes a
 * metric; https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * {@code creditguard/MissingReferenceRate} per scheme whose half-year has begun without a rate, and
 * {@code creditguard/ReferenceRateConflict} per fetched figure that contradicts a shipped one.
 */
public final class RateAlarms {

    public static final String NAMESPACE = "creditguard";
    public static final String MISSING = "MissingReferenceRate";
    public static final String CONFLICT = "ReferenceRateConflict";

    private RateAlarms() {
    }

    /** One line per begun gap and per conflict; nothing when all is well. */
    public static void emit(List<RateGaps.Gap> gaps, List<RateBook.Conflict> conflicts, String function, Instant at) {
        PrintStream out = System.out;
        for (RateGaps.Gap gap : RateGaps.begun(gaps)) {
            out.println(line(MISSING, "Scheme", gap.scheme().name(), function, at));
        }
        for (RateBook.Conflict conflict : conflicts) {
            out.println(line(CONFLICT, "Scheme", conflict.what(), function, at));
        }
        out.flush();
    }

    static String line(String metric, String dimension, String value, String function, Instant at) {
        return line(metric, dimension, value, 1, function, at);
    }

    /**
     * One EMF line: {@code count} of {@code metric} in namespace {@value #NAMESPACE}, by {@code Function} and by
     * {@code Function} and {@code dimension}, as every alarm metric of creditguard is written.
     */
    public static String line(String metric, String dimension, String value, long count, String function, Instant at) {
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
