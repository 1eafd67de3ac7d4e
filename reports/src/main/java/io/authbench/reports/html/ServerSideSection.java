package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LoadStep;
import io.authbench.reports.stats.ReportModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Section 5: JMH results and the load ladder, when those phases ran. */
final class ServerSideSection {
    private ServerSideSection() {}

    static String html(ReportModel model) {
        var jmh = model.results().jmh();
        var load = model.results().load();
        if (jmh.isEmpty() && load.isEmpty()) {
            return """
                    <section id="server-side"><h2>5. Server side</h2>
                    <p class="empty">The JMH and load phases did not run in this run, so there are no server-side results.</p>
                    </section>
                    """;
        }
        StringBuilder out = new StringBuilder("<section id=\"server-side\"><h2>5. Server side</h2>\n");
        if (!jmh.isEmpty()) {
            out.append("""
                    <h3>JMH</h3>
                    <p>Per-endpoint micro-benchmarks without a browser. Error is JMH's 99.9 %% half-width. Server CPU \
                    per operation is process CPU with the servers' JIT compilation left out (— = not measured).</p>
                    <div class="wide"><table class="numbers"><thead><tr><th>benchmark</th><th>variant</th><th>mode</th>\
                    <th>threads</th><th>score</th><th>error</th><th>unit</th><th>params</th><th>app CPU / op</th>\
                    <th>Appwrite CPU / op</th></tr></thead><tbody>
                    """.formatted());
            for (JmhResult r : jmh) {
                out.append("""
                        <tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                        """.formatted(
                        Html.escape(r.benchmark()),
                        Html.escape(r.variant()),
                        Html.escape(r.mode()),
                        r.threads(),
                        Format.num(r.score(), 3),
                        r.scoreError() == null ? "—" : "± " + Format.num(r.scoreError(), 3),
                        Html.escape(r.unit()),
                        Html.escape(r.params().isEmpty() ? "—" : r.params().toString()),
                        Format.ms(r.serverCpuAppMsPerOp()),
                        Format.ms(r.serverCpuAppwriteMsPerOp())));
            }
            out.append("</tbody></table></div>\n");
        }
        if (!load.isEmpty()) {
            out.append(loadLadder(load));
        }
        return out.append("</section>\n").toString();
    }

    private static String loadLadder(List<LoadStep> load) {
        StringBuilder out = new StringBuilder();
        out.append("""
                <h3>Load ladder</h3>
                <p>Constant-rate load, one ladder of offered rates per variant; latencies corrected for coordinated \
                omission. Server CPU is process CPU per successful page view with JIT compilation apart \
                (— = not measured).</p>
                """);
        out.append("<figure>")
                .append(LoadChart.svg(load))
                .append("<figcaption>Latency percentiles against offered rate.</figcaption></figure>\n");
        out.append("""
                <div class="wide"><table class="numbers"><thead><tr><th>variant</th><th>target</th><th>offered /s</th>\
                <th>achieved /s</th><th>requests</th><th>errors</th><th>errors by kind</th><th>p50</th><th>p90</th>\
                <th>p99</th><th>p99.9</th><th>max</th><th>app CPU / view</th><th>Appwrite CPU / view</th>\
                <th>sustained</th></tr></thead><tbody>
                """);
        for (LoadStep s : load) {
            out.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td>\
                    <td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                    """.formatted(
                            Html.escape(s.variant()),
                            Html.escape(s.target()),
                            Format.count(s.offeredPerSecond()),
                            Format.num(s.achievedPerSecond(), 1),
                            s.requests(),
                            s.errors(),
                            errorsByKind(s),
                            Format.ms(s.p50Ms()),
                            Format.ms(s.p90Ms()),
                            Format.ms(s.p99Ms()),
                            Format.ms(s.p999Ms()),
                            Format.ms(s.maxMs()),
                            cpu(s.appCpuMsPerView()),
                            cpu(s.appwriteCpuMsPerView()),
                            s.sustained() == null ? "—" : s.sustained() ? "yes" : "no"));
        }
        out.append("</tbody></table></div>\n");

        Map<String, List<LoadStep>> byVariant = new LinkedHashMap<>();
        load.forEach(s ->
                byVariant.computeIfAbsent(s.variant(), v -> new ArrayList<>()).add(s));
        out.append("<ul class=\"ladders\">\n");
        for (Map.Entry<String, List<LoadStep>> ladder : byVariant.entrySet()) {
            out.append("<li><strong>")
                    .append(Html.escape(ladder.getKey()))
                    .append("</strong>: ")
                    .append(Html.escape(summary(ladder.getValue())))
                    .append("</li>\n");
        }
        out.append("</ul>\n");

        List<String> firstErrors = new ArrayList<>();
        for (LoadStep s : load) {
            if (s.firstErrors() != null) {
                s.firstErrors()
                        .forEach((kind, message) -> firstErrors.add("<li>" + Html.escape(s.variant()) + " at "
                                + Format.count(s.offeredPerSecond()) + "/s, " + Html.escape(kind) + ": "
                                + Html.escape(message)
                                + "</li>"));
            }
        }
        if (!firstErrors.isEmpty()) {
            out.append("<p>First error of each kind per step:</p>\n<ul class=\"errors\">\n")
                    .append(String.join("\n", firstErrors))
                    .append("\n</ul>\n");
        }
        return out.toString();
    }

    /**
     * One sentence per variant: the highest sustained rate, the server CPU per page view there (else at the first
     * step), and why the ladder ended. Plain text: the caller escapes it.
     */
    static String summary(List<LoadStep> steps) {
        StringBuilder text = new StringBuilder();
        Optional<LoadStep> sustained = steps.stream()
                .filter(s -> Boolean.TRUE.equals(s.sustained()))
                .max(Comparator.comparingDouble(LoadStep::offeredPerSecond));
        boolean recorded = steps.stream().anyMatch(s -> s.sustained() != null);
        if (sustained.isPresent()) {
            text.append("highest sustained rate ")
                    .append(Format.count(sustained.get().offeredPerSecond()))
                    .append("/s");
        } else {
            text.append(recorded ? "no rate was sustained" : "sustained rate not recorded");
        }
        LoadStep cpuStep = sustained.orElse(steps.get(0));
        cpuStep.serverCpuMsPerView()
                .ifPresent(total -> text.append("; server CPU per page view at ")
                        .append(Format.count(cpuStep.offeredPerSecond()))
                        .append("/s: ")
                        .append(cpu(total))
                        .append(" (app ")
                        .append(cpu(cpuStep.appCpuMsPerView()))
                        .append(" + Appwrite ")
                        .append(cpu(cpuStep.appwriteCpuMsPerView()))
                        .append(")"));
        steps.stream()
                .map(LoadStep::stopReason)
                .filter(r -> r != null)
                .reduce((a, b) -> b)
                .ifPresent(reason -> text.append(". ").append(reason));
        return text.toString();
    }

    /** {@code 7 timeout, 3 http_status}; "none" when nothing failed; "—" when an older file did not record kinds. */
    private static String errorsByKind(LoadStep s) {
        if (s.errorsByKind() == null) {
            return "—";
        }
        if (s.errorsByKind().isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        s.errorsByKind().forEach((kind, count) -> parts.add(count + " " + Html.escape(kind)));
        return String.join(", ", parts);
    }

    /** CPU per page view: small numbers, so three decimals. */
    private static String cpu(Double ms) {
        return ms == null ? "—" : String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
