package io.authbench.reports.html;

import io.authbench.reports.stats.BaselineComparison;
import io.authbench.reports.stats.ReportModel;
import java.util.List;

/** Section 8 (only with --baseline): per-cell change of the median time to content against an earlier run. */
final class BaselineSection {
    private BaselineSection() {
    }

    static String html(ReportModel model) {
        if (model.baseline().isEmpty()) {
            return "";
        }
        List<BaselineComparison.Row> rows = model.baseline().get();
        StringBuilder body = new StringBuilder();
        for (BaselineComparison.Row r : rows) {
            String interval = r.ratio() == null ? "—" : Format.ratio(r.ratio()) + " [" + Format.ratio(r.interval().low())
                    + ", " + Format.ratio(r.interval().high()) + "]";
            String kind = r.sentence().startsWith("slower") ? "slower" : r.sentence().startsWith("faster") ? "faster" : "same";
            body.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class="verdict b-%s">%s</td></tr>
                    """.formatted(Html.escape(r.flow()), Html.escape(r.profile()), Html.escape(r.variant().toUpperCase()),
                    Format.ms(r.baselineMedianMs()), Format.ms(r.currentMedianMs()), interval, kind, Html.escape(r.sentence())));
        }
        return """
                <section id="baseline">
                <h2>8. Change since the baseline</h2>
                <p>Against <code>%s</code>. Ratio = median now / median then of time to content; the 95 %% interval \
                resamples both runs independently (B = 10000, fixed seed); a change is reported only when the interval \
                excludes 1.</p>
                <div class="wide"><table class="numbers"><thead><tr><th>flow</th><th>profile</th><th>variant</th>\
                <th>baseline median</th><th>this run median</th><th>ratio [95 %% CI]</th><th>change</th></tr></thead><tbody>
                %s</tbody></table></div>
                </section>
                """.formatted(Html.escape(model.baselineName().orElse("")), body);
    }
}
