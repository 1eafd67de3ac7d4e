package io.authbench.reports.stats;

import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a four-variant run adds to the report: the {@link Effects pattern and framework effects} and the eight claims
 * judged a second time on the Next.js pair (the Undertow verdicts are {@link ReportModel#claims()}).
 *
 * <p>The Next.js verdicts come from the unchanged {@link Claims} rules applied to {@link FrameworkView the Next.js
 * half of the run}, with the Next.js pattern-effect cells. A claim whose evidence was recorded for the bundled
 * Undertow apps only (the line-count proxy of development complexity) says so instead of borrowing their numbers.
 *
 * @param effects      pattern and framework effects
 * @param nextjsClaims the eight claims on the Next.js pair, in the order of {@link ReportModel#claims()}
 */
public record FourVariants(Effects effects, List<ClaimRow> nextjsClaims) {
    /** The claim whose only evidence, the apps' line counts, is recorded per app. */
    static final String COMPLEXITY = "Development complexity";

    /** Empty for a two-variant run (the report then looks exactly as it always did). */
    public static Optional<FourVariants> of(RunResults results) {
        if (!Effects.applies(results)) {
            return Optional.empty();
        }
        Effects effects = Effects.of(results);
        List<ClaimRow> claims = new ArrayList<>();
        // The Holm family of the pattern effect spans both frameworks, so the timing rules' pair minimum counts both.
        int family = Claims.family(effects.patternIn(Variants.UNDERTOW), effects.patternIn(Variants.NEXTJS));
        for (ClaimRow row :
                Claims.of(FrameworkView.of(results, Variants.NEXTJS), effects.patternIn(Variants.NEXTJS), family)) {
            if (row.topic().equals(COMPLEXITY) && !FrameworkView.hasCodeSize(results, Variants.NEXTJS)) {
                row = new ClaimRow(
                        row.topic(),
                        row.claim(),
                        row.measurement(),
                        "not measured",
                        "not measured",
                        ClaimVerdict.NOT_MEASURABLE,
                        "complexity is a judgement, not a measurement; its proxy, the line"
                                + " count of each app's auth path, was recorded for the bundled Undertow apps only",
                        row.rule());
            }
            claims.add(row);
        }
        return Optional.of(new FourVariants(effects, List.copyOf(claims)));
    }
}
