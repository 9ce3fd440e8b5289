package io.creditguard.rates;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.json.Json;
import io.creditguard.reference.FileProblem;

/**
 * The metrics the template's alarms watch, written as CloudWatch Embedded Metric Format lines (one
 * JSON object per line on standard output, which Lambda sends to CloudWatch Logs, where it becomes a
 * metric; https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * {@code creditguard/MissingReferenceRate} per scheme whose half-year has begun without a rate,
 * {@code creditguard/ReferenceRateConflict} per fetched figure that contradicts a shipped one, and
 * {@code creditguard/OperatorFileProblem} per row or file of an operator's (a rate table, a reminder
 * policy) that was left out, by file.
 */
public final class RateAlarms {

    public static final String NAMESPACE = "creditguard";
    public static final String MISSING = "MissingReferenceRate";
    public static final String CONFLICT = "ReferenceRateConflict";
    public static final String OPERATOR_FILE = "OperatorFileProblem";

    private RateAlarms() {
    }

    /** One line per begun gap, per conflict and per operator's file with problems; nothing when all is well. */
    public static void emit(List<RateGaps.Gap> gaps, List<RateBook.Conflict> conflicts, List<FileProblem> problems,
            String function, Instant at) {
        PrintStream out = System.out;
        for (RateGaps.Gap gap : RateGaps.begun(gaps)) {
            out.println(line(MISSING, "Scheme", gap.scheme().name(), function, at, 1));
        }
        for (RateBook.Conflict conflict : conflicts) {
            out.println(line(CONFLICT, "Scheme", conflict.what(), function, at, 1));
        }
        problems.stream().collect(Collectors.groupingBy(FileProblem::file, TreeMap::new, Collectors.counting()))
                .forEach((file, count) -> out.println(line(OPERATOR_FILE, "File", file, function, at, count)));
        out.flush();
    }

    static String line(String metric, String dimension, String value, String function, Instant at, long count) {
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
