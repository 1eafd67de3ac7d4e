package io.authbench.reports.html;

import io.authbench.reports.stats.CpuAgreement;
import io.authbench.reports.stats.ReportModel;
import java.util.List;
import java.util.Locale;

/**
 * Part of section 4: the browser phase's app CPU per page view next to the server phase's for the same request mix,
 * with their ratio and, when they differ by more than the tolerance, what the data shows about why.
 */
final class CpuAgreementSection {
    private CpuAgreementSection() {}

    static String html(ReportModel model) {
        List<CpuAgreement.Row> rows = CpuAgreement.of(model.results());
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder body = new StringBuilder();
        for (CpuAgreement.Row row : rows) {
            body.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class="verdict a-%s">%s</td><td>%s</td></tr>
                    """.formatted(
                            Html.escape(row.variant().toUpperCase(Locale.ROOT)),
                            browser(row),
                            row.server() == null
                                    ? "not measured"
                                    : Html.escape(row.server().text()),
                            row.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.ratio()),
                            row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            Html.escape(row.status().label()),
                            Html.escape(row.why())));
        }
        return """
                <h3>Server CPU per page view: browser phase against server phase</h3>
                <p>The same request mix measured twice: a signed-in page view with a cold browser cache \
                (<code>%s</code> on <code>%s</code>; the median of the per-iteration app CPU, with its bootstrap 95 %% \
                interval) and the JMH benchmarks of the server phase that replay that view's requests to the app \
                (one thread; SSR: the dashboard, CSR: its HTML and scripts). Both leave JIT compilation out. They \
                agree when browser / server is within %d %% of 1; judged with at least %d browser views.</p>
                <div class="wide"><table class="numbers">
                <thead><tr><th>variant</th><th>browser phase / view</th><th>server phase / view</th>\
                <th>browser / server</th><th>agreement</th><th>why</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                """.formatted(
                CpuAgreement.FLOW, CpuAgreement.PROFILE, CpuAgreement.TOLERANCE_PERCENT, CpuAgreement.MIN_VIEWS, body);
    }

    private static String browser(CpuAgreement.Row row) {
        if (row.browser() == null) {
            return "not measured";
        }
        return Html.escape(CpuAgreement.ms(row.browser()) + " ["
                + CpuAgreement.ms(row.interval().low()) + ", "
                + CpuAgreement.ms(row.interval().high()) + "], " + row.views() + " views");
    }
}
