package io.authbench.reports.html;

import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.LoadStep;
import io.authbench.reports.stats.ReportModel;

/** Section 5: JMH results and the load ladder, when those phases ran. */
final class ServerSideSection {
    private ServerSideSection() {
    }

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
                    <p>Per-endpoint micro-benchmarks without a browser. Error is JMH's 99.9 %% half-width.</p>
                    <div class="wide"><table class="numbers"><thead><tr><th>benchmark</th><th>variant</th><th>mode</th>\
                    <th>threads</th><th>score</th><th>error</th><th>unit</th><th>params</th><th>app CPU / op</th>\
                    <th>Appwrite CPU / op</th></tr></thead><tbody>
                    """.formatted());
            for (JmhResult r : jmh) {
                out.append("""
                        <tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                        """.formatted(Html.escape(r.benchmark()), Html.escape(r.variant()), Html.escape(r.mode()), r.threads(),
                        Format.num(r.score(), 3), r.scoreError() == null ? "—" : "± " + Format.num(r.scoreError(), 3),
                        Html.escape(r.unit()), Html.escape(r.params().isEmpty() ? "—" : r.params().toString()),
                        Format.ms(r.serverCpuAppMsPerOp()), Format.ms(r.serverCpuAppwriteMsPerOp())));
            }
            out.append("</tbody></table></div>\n");
        }
        if (!load.isEmpty()) {
            out.append("<h3>Load ladder</h3>\n<p>Constant-rate load; latencies corrected for coordinated omission.</p>\n");
            out.append("<figure>").append(LoadChart.svg(load))
                    .append("<figcaption>Latency percentiles against offered rate.</figcaption></figure>\n");
            out.append("""
                    <div class="wide"><table class="numbers"><thead><tr><th>variant</th><th>target</th><th>offered /s</th>\
                    <th>achieved /s</th><th>requests</th><th>errors</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th>\
                    <th>max</th></tr></thead><tbody>
                    """);
            for (LoadStep s : load) {
                out.append("""
                        <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                        """.formatted(Html.escape(s.variant()), Html.escape(s.target()), Format.count(s.offeredPerSecond()),
                        Format.num(s.achievedPerSecond(), 1), s.requests(), s.errors(), Format.ms(s.p50Ms()),
                        Format.ms(s.p90Ms()), Format.ms(s.p99Ms()), Format.ms(s.p999Ms()), Format.ms(s.maxMs())));
            }
            out.append("</tbody></table></div>\n");
        }
        return out.append("</section>\n").toString();
    }
}
