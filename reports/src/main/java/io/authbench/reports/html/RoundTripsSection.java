package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.stats.ExpectedTime;
import io.authbench.reports.stats.ReportModel;
import io.authbench.reports.stats.RoundTrips;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Section 3: waterfalls of the median iterations, round-trip counts and expected against measured time. */
final class RoundTripsSection {
    private RoundTripsSection() {}

    static String html(ReportModel model) {
        List<RoundTrips.Row> rows = model.roundTrips();
        if (rows.isEmpty()) {
            return """
                    <section id="round-trips"><h2>3. Round trips</h2>
                    <p class="empty">No ok samples with a time to content, so there is no median iteration to show.</p></section>
                    """;
        }
        String slowest = model.slowestProfile().orElse("");
        Set<String> flows = new LinkedHashSet<>();
        rows.forEach(r -> flows.add(r.flow()));
        StringBuilder body = new StringBuilder();
        for (String flow : flows) {
            body.append("<h3>").append(Html.escape(flow)).append("</h3>\n<div class=\"grid\">");
            double xMax = rows.stream()
                    .filter(r -> r.flow().equals(flow) && r.profile().equals(slowest))
                    .mapToDouble(r -> WaterfallChart.extentMs(r.median()))
                    .max()
                    .orElse(1);
            for (RoundTrips.Row row : rows) {
                if (row.flow().equals(flow) && row.profile().equals(slowest)) {
                    String title =
                            flow + " · " + slowest + " · " + row.variant().toUpperCase() + " (median iteration, pair "
                                    + row.median().pair() + ")";
                    long before = WaterfallChart.beforeAction(row.median());
                    String caption = title
                            + (before == 0
                                    ? ""
                                    : "; " + before + " request" + (before == 1 ? "" : "s")
                                            + " that finished before the user action not shown");
                    body.append("<figure>")
                            .append(
                                    WaterfallChart.afterAction(row.median()).isEmpty()
                                            ? "<p class=\"empty\">No request list was recorded for this sample.</p>"
                                            : WaterfallChart.svg(title, row.median(), xMax))
                            .append("<figcaption>")
                            .append(Html.escape(caption))
                            .append("</figcaption></figure>");
                }
            }
            body.append("</div>\n");
            body.append(table(rows.stream().filter(r -> r.flow().equals(flow)).toList()));
        }
        return """
                <section id="round-trips">
                <h2>3. Round trips</h2>
                <p>For the median iteration of each variant (by time to content), every request on the three links: \
                browser→app, browser→Appwrite (CORS preflights included) and app→Appwrite (from the app's \
                <code>Server-Timing</code>, drawn inside the browser request that caused it; counts also from the \
                emulator's statistics). Waterfalls are for the slowest profile, <b>%s</b>; requests marked * are on the \
                critical path. The table sets the measured time against the expected time \
                <i>Σ RTT of the critical requests' links + transfer (bytes ÷ bandwidth) + server time (Server-Timing) \
                + client time (main-thread tasks)</i>, using the profile's configured links; the remainder is \
                connection set-up, parsing, layout, paint and scheduling.</p>
                %s
                </section>
                """.formatted(Html.escape(slowest), body);
    }

    private static String table(List<RoundTrips.Row> rows) {
        StringBuilder out = new StringBuilder("""
                <div class="wide"><table class="numbers">
                <thead><tr><th>profile</th><th>variant</th><th>browser →app</th><th>browser →Appwrite (preflights)</th>\
                <th>app →Appwrite</th><th>critical path depth</th><th>critical browser round trips × RTT</th><th>transfer</th><th>server</th>\
                <th>client</th><th>expected</th><th>measured</th><th>un&#173;explained</th></tr></thead><tbody>
                """);
        for (RoundTrips.Row r : rows) {
            ExpectedTime e = r.expected().orElse(null);
            out.append("""
                    <tr><td>%s</td><td>%s</td><td>%d</td><td>%d (%d)</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td>\
                    <td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                    """.formatted(
                    Html.escape(r.profile()),
                    Html.escape(r.variant().toUpperCase()),
                    r.browserApp(),
                    r.browserAppwrite(),
                    r.preflights(),
                    r.appAppwrite(),
                    r.depth() == null ? "—" : r.depth().toString(),
                    e == null
                            ? "—"
                            : e.roundTrips() + " → " + Format.ms(e.roundTripMs()) + (e.fromDepthOnly() ? " †" : ""),
                    e == null ? "—" : Format.ms(e.transferMs()),
                    e == null ? "—" : Format.ms(e.serverMs()),
                    e == null ? "—" : Format.ms(e.clientMs()),
                    e == null ? "—" : Format.ms(e.expectedMs()),
                    e == null ? "—" : Format.ms(e.measuredMs()),
                    e == null ? "—" : Format.ms(e.unexplainedMs())));
        }
        out.append("</tbody></table></div>\n");
        if (rows.stream()
                .anyMatch(r -> r.expected().map(ExpectedTime::fromDepthOnly).orElse(false))) {
            out.append("<p class=\"note\">† no request list recorded: critical-path depth × browser↔app RTT.</p>\n");
        }
        return out.toString();
    }
}
