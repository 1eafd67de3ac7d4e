package io.authbench.reports.html;

import io.authbench.reports.stats.ClaimRow;
import io.authbench.reports.stats.ReportModel;
import java.util.List;

/**
 * Section 1 of a four-variant run: each claim judged on the Undertow pair and on the Next.js pair by the same rule,
 * side by side, one column per framework (verdict, the SSR and CSR numbers, and why).
 */
final class FrameworkClaimsSection {
    private FrameworkClaimsSection() {}

    static String html(ReportModel model) {
        List<ClaimRow> undertow = model.claims();
        List<ClaimRow> nextjs = model.fourVariants().orElseThrow().nextjsClaims();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < undertow.size(); i++) {
            ClaimRow u = undertow.get(i);
            ClaimRow n = i < nextjs.size() ? nextjs.get(i) : null;
            rows.append("""
                    <tr><th scope="row">%s</th><td>%s</td><td>%s</td><td class="rule">%s</td>%s%s</tr>
                    """.formatted(
                            Html.escape(u.topic()),
                            Html.escape(u.claim()),
                            Html.escape(u.measurement()),
                            Html.escape(u.rule()),
                            cell(u, null, null),
                            n == null ? "<td class=\"empty\">not measured</td>" : cell(n, u.measurement(), u.rule())));
        }
        return """
                <section id="claims">
                <h2>1. The claims, measured</h2>
                <p>Each claim of the Appwrite post <cite>SSR vs CSR with Next.js</cite>, the measurement that tests it \
                and a verdict for each framework: the same rule applied to the SSR/CSR pair built on Undertow (the \
                bundled apps) and to the SSR/CSR pair built on Next.js, with each pair's own numbers. A Next.js verdict \
                only comes from Next.js measurements: where the evidence was recorded for one framework only, the other \
                column says so. Each rule is in words next to the verdicts. Timing verdicts use the pattern effect of \
                section 2b (Holm-corrected Wilcoxon test and bootstrap interval), counted only in cells with enough \
                pairs for the test to reach significance at all; <em>not measured</em> means the data cannot judge \
                the claim; development complexity is shown through proxies only.</p>
                <div class="wide"><table class="claims">
                <thead><tr><th>claim</th><th>in a few words</th><th>measurement</th><th>rule</th><th>Undertow apps</th>\
                <th>Next.js apps</th></tr></thead>
                <tbody>
                %s</tbody></table></div>
                </section>
                """.formatted(rows);
    }

    /**
     * One framework's verdict, numbers and reason; the measurement and the rule only when they differ from the first
     * column's.
     */
    private static String cell(ClaimRow row, String sharedMeasurement, String sharedRule) {
        String measurement = sharedMeasurement == null || sharedMeasurement.equals(row.measurement())
                ? ""
                : "<br />measured as: " + Html.escape(row.measurement());
        if (sharedRule != null && !sharedRule.equals(row.rule())) {
            measurement += "<br />rule: " + Html.escape(row.rule());
        }
        return """
                <td><span class="verdict v-%s">%s</span><br />SSR: %s<br />CSR: %s<br /><span class="note">%s</span>%s</td>\
                """.formatted(
                        row.verdict().name().toLowerCase().replace('_', '-'),
                        Html.escape(row.verdict().label()),
                        Html.escape(row.ssr()),
                        Html.escape(row.csr()),
                        Html.escape(row.why()),
                        measurement);
    }
}
