package io.authbench.reports.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.golden.FourVariantResults;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Effects;
import io.authbench.reports.stats.ReportModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** summary.csv and the console summary of a four-variant run. */
class FourVariantSummaryTest {
    private static final ReportModel MODEL = ReportModel.of(FourVariantResults.run(), null, null);
    private static final Effects EFFECTS = MODEL.fourVariants().orElseThrow().effects();

    @Test
    void the_csv_has_a_row_per_variant_with_its_frameworks_pattern_effect_and_its_patterns_framework_effect() {
        List<String> lines = SummaryCsv.csv(MODEL).lines().toList();
        CellComparison nextPattern =
                EFFECTS.pattern(Variants.NEXTJS, "revisit-cold", "loopback").orElseThrow();
        CellComparison ssrFramework =
                EFFECTS.framework(Variants.SSR, "revisit-cold", "loopback").orElseThrow();

        assertThat(lines.get(0)).isEqualTo(SummaryCsv.HEADER + SummaryCsv.FRAMEWORK_HEADER);
        String nextSsr = row(lines, "revisit-cold,loopback,next-ssr,");
        String ssr = row(lines, "revisit-cold,loopback,ssr,");
        assertThat(nextSsr)
                .contains("," + SummaryCsv.num(nextPattern.ratio()) + ",")
                .endsWith("," + SummaryCsv.num(ssrFramework.ratio()) + ","
                        + SummaryCsv.num(ssrFramework.interval().low())
                        + "," + SummaryCsv.num(ssrFramework.interval().high()) + ","
                        + SummaryCsv.num(ssrFramework.holmP())
                        + ",\"" + ssrFramework.verdict().sentence() + "\"");
        assertThat(ssr).endsWith(nextSsr.substring(nextSsr.indexOf(",8," + SummaryCsv.num(ssrFramework.ratio()))));
        assertThat(row(lines, "revisit-cold,loopback,ssr-a,")).endsWith(",,,,,,");
        // The flow the Next.js apps skipped: the Undertow rows say the framework effect was not measured.
        assertThat(lines.stream()
                        .filter(l -> l.contains("navigate") && l.contains(",ssr,"))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",not measured");
        assertThat(lines).hasSize(1 + 2 * 4 + 2 * 2 + 2);
    }

    @Test
    void the_console_prints_both_effects_and_the_claims_per_framework() {
        String text = ConsoleSummary.text(MODEL);

        assertThat(text)
                .contains(
                        "pattern effect, Undertow:",
                        "pattern effect, Next.js:",
                        "framework effect, SSR:",
                        "framework effect, CSR:",
                        "Next.js faster by",
                        "Undertow faster by")
                .containsPattern("claim Initial load time:\\s+Undertow: confirmed\\s+Next.js: refuted")
                .containsPattern("navigate.*not measured");
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }
}
