package io.authbench.reports.stats;

import io.authbench.reports.results.CellSummaries;
import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.List;
import java.util.Map;

/**
 * One framework's half of a four-variant run, relabelled as a two-variant run: the samples (and code sizes) of that
 * framework's pair, each carrying its pattern label ({@code next-ssr} becomes {@code ssr}, {@code next-csr} becomes
 * {@code csr}), everything else of the other framework left out. The rules written for the SSR/CSR pair
 * ({@link Claims}, {@link BaselineComparison}) then apply unchanged to the Next.js pair.
 *
 * <p>Of the server phase, a view keeps the JMH entries of its framework's two apps, relabelled the same way, so the
 * Resource-utilization rule reads that framework's server-phase CPU per page view ({@link ServerPhaseCpu}); Appwrite's
 * own benchmarks and the load ladder are left out (no rule that reads a view uses them).
 */
public final class FrameworkView {
    private FrameworkView() {}

    /** The samples of {@code framework}'s pair relabelled with their pattern; A/A samples are never included. */
    public static RunResults of(RunResults results, String framework) {
        List<Sample> samples = results.samples().stream()
                .filter(s -> !Variants.isAa(s.variant())
                        && Variants.framework(s.variant()).equals(framework))
                .map(FrameworkView::relabel)
                .toList();
        List<CodeSize> codeSize = results.codeSize().stream()
                .filter(c -> !Variants.isAa(c.variant())
                        && Variants.framework(c.variant()).equals(framework))
                .map(c -> new CodeSize(Variants.pattern(c.variant()), c.files(), c.linesOfCode()))
                .toList();
        return results.withSamples(samples)
                .withCells(CellSummaries.of(samples, Map.of()))
                .withCodeSize(codeSize)
                .withJmh(results.jmh().stream()
                        .filter(r -> isApp(r.variant())
                                && Variants.framework(r.variant()).equals(framework))
                        .map(r -> new JmhResult(
                                r.benchmark(),
                                Variants.pattern(r.variant()),
                                r.mode(),
                                r.threads(),
                                r.score(),
                                r.scoreError(),
                                r.unit(),
                                r.params(),
                                r.serverCpuAppMsPerOp(),
                                r.serverCpuAppwriteMsPerOp()))
                        .toList())
                .withLoad(List.of());
    }

    /** The four app labels of JMH entries ({@code appwrite} benchmarks measure no app). */
    private static boolean isApp(String variant) {
        return List.of(Variants.SSR, Variants.CSR, Variants.NEXT_SSR, Variants.NEXT_CSR)
                .contains(variant);
    }

    /** True if {@code results} holds {@code framework}'s code sizes (the line-count proxy of its apps). */
    static boolean hasCodeSize(RunResults results, String framework) {
        return results.codeSize().stream()
                .anyMatch(c -> Variants.framework(c.variant()).equals(framework));
    }

    private static Sample relabel(Sample s) {
        return new Sample(
                s.flow(),
                Variants.pattern(s.variant()),
                s.profile(),
                s.pair(),
                s.order(),
                s.warmup(),
                s.ok(),
                s.failure(),
                s.startedAt(),
                s.metrics(),
                s.requests(),
                s.screenshots(),
                s.timeToContentMethod(),
                s.checks(),
                s.csrSessionPath(),
                s.block());
    }

    /** The view's label of a variant back in the full run: {@code ssr} of the Next.js view is {@code next-ssr}. */
    static String unrelabel(String patternLabel, String framework) {
        if (!Variants.NEXTJS.equals(framework)) {
            return patternLabel;
        }
        return Variants.CSR.equals(patternLabel) ? Variants.NEXT_CSR : Variants.NEXT_SSR;
    }
}
