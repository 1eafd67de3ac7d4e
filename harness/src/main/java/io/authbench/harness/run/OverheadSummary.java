package io.authbench.harness.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians of the harness's own work per iteration, total and by kind, as one line. */
final class OverheadSummary {
    private OverheadSummary() {}

    static String describe(List<Map<String, Double>> perIteration) {
        if (perIteration.isEmpty()) {
            return "";
        }
        List<Double> totals = new ArrayList<>();
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        for (Map<String, Double> iteration : perIteration) {
            totals.add(
                    iteration.values().stream().mapToDouble(Double::doubleValue).sum());
            iteration.forEach((kind, ms) ->
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms));
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "median %.0f ms (", median(totals)));
        String separator = "";
        for (Map.Entry<String, List<Double>> kind : byKind.entrySet()) {
            line.append(separator)
                    .append(String.format(Locale.ROOT, "%s %.0f", kind.getKey(), median(kind.getValue())));
            separator = ", ";
        }
        return line.append(")").toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
