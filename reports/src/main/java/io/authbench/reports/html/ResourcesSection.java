package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.CellSummary;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.reports.results.Sample;
import io.authbench.reports.stats.Cacheability;
import io.authbench.reports.stats.ReportModel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Section 4: server and client cost, requests and bytes per destination, cacheability, content without JS. */
final class ResourcesSection {
    private ResourcesSection() {}

    static String html(ReportModel model) {
        StringBuilder rows = new StringBuilder();
        List<String> flows = model.results().run().config().flows();
        List<String> profiles = model.results().run().config().profiles();
        List<CellSummary> cells = model.cells().stream()
                .sorted(Comparator.comparingInt((CellSummary c) -> order(flows, c.flow()))
                        .thenComparingInt(c -> order(profiles, c.profile()))
                        .thenComparing(c -> c.variant().equals("ssr") ? "0" : c.variant()))
                .toList();
        for (CellSummary cell : cells) {
            if (cell.variant().startsWith("ssr-")) {
                continue; // A/A cells repeat SSR; shown under Validity
            }
            rows.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s / %s</td>\
                    <td>%s / %s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                    """.formatted(
                            Html.escape(cell.flow()),
                            Html.escape(cell.profile()),
                            Html.escape(cell.variant().toUpperCase()),
                            ms(cell, Metric.APP_CPU_MS),
                            appwriteCpu(cell),
                            ms(cell, Metric.SCRIPT_MS),
                            ms(cell, Metric.TASK_MS),
                            count(cell, Metric.REQUESTS_APP),
                            count(cell, Metric.REQUESTS_APPWRITE),
                            bytes(cell, Metric.BYTES_APP),
                            bytes(cell, Metric.BYTES_APPWRITE),
                            count(cell, Metric.PREFLIGHTS),
                            bytes(cell, Metric.WARM_REVISIT_BYTES),
                            count(cell, Metric.CACHEABLE_RESPONSES),
                            withoutJs(model, cell)));
        }
        return """
                <section id="resources">
                <h2>4. Resources</h2>
                <p>Medians per flow, profile and variant over ok samples. Server CPU per page view is the CPU time the \
                app's process tree and the Appwrite process used during each iteration's measured phase, summed over \
                their threads' run times (nanosecond resolution), with JIT compiler threads left out as in the server \
                phase. Client time is Chromium's \
                <code>ScriptDuration</code> and <code>TaskDuration</code>. Bytes are as received (encoded, with headers).%s</p>
                <div class="wide"><table class="numbers">
                <thead><tr><th>flow</th><th>profile</th><th>variant</th><th>app CPU / view</th><th>Appwrite CPU / view</th>\
                <th>script</th><th>tasks</th><th>requests app / Appwrite</th><th>bytes app / Appwrite</th><th>preflights</th>\
                <th>warm revisit bytes</th><th>cacheable responses</th><th>content without JS</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                %s<h3>Cacheability of each response</h3>
                %s
                </section>
                """.formatted(externalBackendNote(model), rows, CpuAgreementSection.html(model), cacheTable(model));
    }

    /** Position in the configured order; names the configuration does not list go last. */
    private static int order(List<String> configured, String name) {
        int index = configured.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** Appwrite CPU is absent when its process was not ours to measure (an external backend): never shown as 0. */
    private static String appwriteCpu(CellSummary cell) {
        Double value = cell.medians().get(Metric.APPWRITE_CPU_MS.key());
        return value == null ? "not measured" : Format.ms(value);
    }

    private static String externalBackendNote(ReportModel model) {
        String backend = model.results().environment().backend();
        if (backend == null || backend.equals(Environment.EMULATOR)) {
            return "";
        }
        return " Appwrite CPU is <b>not measured</b> in this run: the backend was the external Appwrite at <code>"
                + Html.escape(backend) + "</code>, whose process is not on this machine.";
    }

    private static String ms(CellSummary cell, Metric metric) {
        return Format.ms(cell.medians().get(metric.key()));
    }

    private static String count(CellSummary cell, Metric metric) {
        return Format.count(cell.medians().get(metric.key()));
    }

    private static String bytes(CellSummary cell, Metric metric) {
        return Format.bytes(cell.medians().get(metric.key()));
    }

    private static String withoutJs(ReportModel model, CellSummary cell) {
        List<Boolean> flags = measured(model, cell)
                .map(s -> s.metrics().flag(Metric.CONTENT_WITHOUT_JS))
                .flatMap(Optional::stream)
                .toList();
        if (flags.isEmpty()) {
            return "—";
        }
        long yes = flags.stream().filter(b -> b).count();
        return (yes == flags.size() ? "yes" : yes == 0 ? "no" : "partly") + " (" + yes + "/" + flags.size() + ")";
    }

    private static Stream<Sample> measured(ReportModel model, CellSummary cell) {
        return model.results().samples().stream()
                .filter(s -> !s.warmup()
                        && s.ok()
                        && s.flow().equals(cell.flow())
                        && s.profile().equals(cell.profile())
                        && s.variant().equals(cell.variant()));
    }

    /** Distinct responses (variant, link, method, path, status, Cache-Control) seen on the browser links. */
    private static String cacheTable(ReportModel model) {
        record Key(String variant, String link, String request, String type, String cacheControl)
                implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                return toString().compareTo(o.toString());
            }
        }
        Map<Key, Integer> seen = new TreeMap<>();
        for (Sample s : model.results().samples()) {
            if (s.warmup() || !s.ok() || s.variant().startsWith("ssr-")) {
                continue;
            }
            for (ObservedRequest r : s.requests()) {
                if (r.link() == NetworkLink.APP_APPWRITE || r.preflight() || r.fromCache() || r.status() == null) {
                    continue;
                }
                seen.merge(
                        new Key(
                                s.variant(),
                                r.link().code(),
                                r.method() + " " + r.path() + " " + r.status(),
                                r.resourceType() == null ? "" : r.resourceType(),
                                r.cacheControl()),
                        1,
                        Integer::sum);
            }
        }
        if (seen.isEmpty()) {
            return "<p class=\"empty\">No request lists were recorded, so per-response caching cannot be shown.</p>";
        }
        StringBuilder out = new StringBuilder("""
                <div class="wide"><table>
                <thead><tr><th>variant</th><th>link</th><th>response</th><th>type</th><th>Cache-Control</th>\
                <th>what it allows</th><th>seen</th></tr></thead><tbody>
                """);
        seen.forEach((k, n) -> out.append("""
                <tr><td>%s</td><td>%s</td><td><code>%s</code></td><td>%s</td><td><code>%s</code></td><td>%s</td><td>%d</td></tr>
                """.formatted(
                        Html.escape(k.variant().toUpperCase()),
                        Html.escape(k.link()),
                        Html.escape(k.request()),
                        Html.escape(k.type()),
                        k.cacheControl() == null ? "—" : Html.escape(k.cacheControl()),
                        Html.escape(Cacheability.of(k.cacheControl()).label()),
                        n)));
        return out.append("</tbody></table></div>\n").toString();
    }
}
