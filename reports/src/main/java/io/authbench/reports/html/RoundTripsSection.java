package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.stats.ConnectionSetUp;
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
            List<RoundTrips.Row> flowRows =
                    rows.stream().filter(r -> r.flow().equals(flow)).toList();
            body.append(table(flowRows));
            body.append(connections(flowRows));
        }
        return """
                <section id="round-trips">
                <h2>3. Round trips</h2>
                <p>For the median iteration of each variant (by time to content), every request on the three links: \
                browser→app, browser→Appwrite (CORS preflights included) and app→Appwrite (from the app's \
                <code>Server-Timing</code>, drawn inside the browser request that caused it; counts also from the \
                emulator's statistics). Waterfalls are for the slowest profile, <b>%s</b>; requests marked * are on the \
                critical path. The first table sets the measured time against the expected time \
                <i>Σ RTT of the critical requests' links + connection set-up + transfer (bytes ÷ bandwidth) + server \
                time (Server-Timing) + client time (main-thread tasks)</i>, using the profile's configured links. \
                Connection set-up counts, for each critical request that waited for a new connection, 1 RTT of its \
                link for the TCP handshake and 1 more for a TLS 1.3 handshake (2 for TLS 1.2); requests on a reused \
                connection add none. The remainder is parsing, layout, paint and scheduling. The second table counts \
                per browser link, as the median per sample over all of a variant's samples, the requests that opened \
                a new TCP connection, the TLS handshakes among them, the requests on a connection already open \
                (kept alive, or an HTTP/2 connection's later streams), and the protocols the browser spoke. These come \
                from what Chromium reports per request; on plain HTTP it reports a connection it opened just ahead \
                of a navigation as reused, so there a navigation's connection can be missing from the counts.</p>
                %s
                </section>
                """.formatted(Html.escape(slowest), body);
    }

    private static String table(List<RoundTrips.Row> rows) {
        StringBuilder out = new StringBuilder("""
                <div class="wide"><table class="numbers">
                <thead><tr><th>profile</th><th>variant</th><th>browser →app</th><th>browser →Appwrite (preflights)</th>\
                <th>app →Appwrite</th><th>critical path depth</th><th>critical browser round trips × RTT</th>\
                <th>connection set-up round trips × RTT</th><th>transfer</th><th>server</th>\
                <th>client</th><th>expected</th><th>measured</th><th>un&#173;explained</th></tr></thead><tbody>
                """);
        for (RoundTrips.Row r : rows) {
            ExpectedTime e = r.expected().orElse(null);
            out.append("""
                    <tr><td>%s</td><td>%s</td><td>%d</td><td>%d (%d)</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td>\
                    <td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
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
                    e == null || e.setUpRoundTrips() == null
                            ? "not measured"
                            : e.setUpRoundTrips() + " → " + Format.ms(e.setUpMs()),
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
        if (rows.stream()
                .anyMatch(
                        r -> r.expected().map(e -> e.setUpRoundTrips() == null).orElse(false))) {
            out.append("<p class=\"note\">Connection set-up not measured for some rows: their requests do not say how"
                    + " they used their connections (results recorded before that was measured, or no request"
                    + " list); their expected time leaves it out.</p>\n");
        }
        return out.toString();
    }

    /** Connection set-up per browser link: median counts per sample and the protocols seen. */
    private static String connections(List<RoundTrips.Row> rows) {
        if (rows.stream().allMatch(r -> r.connections().isEmpty())) {
            return "<p class=\"note\">Connection set-up (TCP connects, TLS handshakes, reused connections, protocol):"
                    + " not measured in these results.</p>\n";
        }
        StringBuilder out = new StringBuilder("""
                <div class="wide"><table class="numbers">
                <caption>Connection set-up per browser link (median per sample)</caption>
                <thead><tr><th>profile</th><th>variant</th><th>link</th><th>samples</th><th>new TCP connections</th>\
                <th>TLS handshakes</th><th>reused connections</th><th>protocol</th><th>TLS</th></tr></thead><tbody>
                """);
        for (RoundTrips.Row r : rows) {
            if (r.connections().isEmpty()) {
                out.append("<tr><td>%s</td><td>%s</td><td colspan=\"7\">not measured</td></tr>\n"
                        .formatted(
                                Html.escape(r.profile()),
                                Html.escape(r.variant().toUpperCase())));
                continue;
            }
            for (ConnectionSetUp c : r.connections()) {
                out.append("""
                        <tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>\
                        <td>%s</td></tr>
                        """.formatted(
                                Html.escape(r.profile()),
                                Html.escape(r.variant().toUpperCase()),
                                Html.escape(linkName(c.link())),
                                c.samples(),
                                Format.count(c.newConnections()),
                                Format.count(c.tlsHandshakes()),
                                Format.count(c.reused()),
                                c.protocols().isEmpty() ? "—" : Html.escape(String.join(", ", c.protocols())),
                                c.tlsVersions().isEmpty() ? "none" : Html.escape(String.join(", ", c.tlsVersions()))));
            }
        }
        out.append("</tbody></table></div>\n");
        return out.toString();
    }

    private static String linkName(NetworkLink link) {
        return link == NetworkLink.BROWSER_APP ? "browser →app" : "browser →Appwrite";
    }
}
