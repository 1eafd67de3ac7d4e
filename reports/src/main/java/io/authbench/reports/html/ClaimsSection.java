package io.authbench.reports.html;

import io.authbench.reports.stats.ClaimRow;
import io.authbench.reports.stats.ReportModel;

/** Section 1: each claim of the seed post next to the measurement that tests it. */
final class ClaimsSection {
    private ClaimsSection() {}

    static String html(ReportModel model) {
        if (model.fourVariants().isPresent()) {
            return FrameworkClaimsSection.html(model);
        }
        StringBuilder rows = new StringBuilder();
        for (ClaimRow row : model.claims()) {
            rows.append("""
                    <tr><th scope="row">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td>\
                    <td class="verdict v-%s">%s</td><td class="rule">%s</td><td>%s</td></tr>
                    """.formatted(
                            Html.escape(row.topic()),
                            Html.escape(row.claim()),
                            Html.escape(row.measurement()),
                            Html.escape(row.ssr()),
                            Html.escape(row.csr()),
                            row.verdict().name().toLowerCase().replace('_', '-'),
                            Html.escape(row.verdict().label()),
                            Html.escape(row.rule()),
                            Html.escape(row.why())));
        }
        return """
                <section id="claims">
                <h2>1. The claims, measured</h2>
                <p>Each claim of the Appwrite post <cite>SSR vs CSR with Next.js</cite>, the measurement that tests it, \
                the numbers for SSR and CSR, and a verdict with its rule in words. Timing verdicts build on the cell \
                verdicts of section 2 (Holm-corrected Wilcoxon test and bootstrap interval), counted only in cells with \
                enough pairs for the test to reach significance at all; <em>not measured</em> means this run's data \
                cannot judge the claim (a flow that did not run, too few pairs, a figure that was not recorded); \
                development complexity is shown through proxies only.</p>
                <div class="wide"><table class="claims">
                <thead><tr><th>claim</th><th>in a few words</th><th>measurement</th><th>SSR</th><th>CSR</th><th>verdict</th><th>rule</th><th>why</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                </section>
                """.formatted(rows);
    }
}
