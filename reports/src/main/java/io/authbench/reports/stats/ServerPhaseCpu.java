package io.authbench.reports.stats;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.JmhResult;
import io.authbench.reports.results.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server phase's app CPU per signed-in page view, from the JMH entries of results.json: for each app, the
 * benchmarks that together replay what one page view with a cold browser cache asks of it.
 *
 * <ul>
 *   <li>SSR ({@code ssr}, {@code next-ssr}): {@code dashboard}, the page rendered with the session (its Appwrite
 *       call included);
 *   <li>CSR ({@code csr}): {@code indexHtml} + {@code mainBundle}; ({@code next-csr}): {@code dashboardHtml} +
 *       {@code scripts} (every script chunk of the page). The browser's Appwrite calls do not reach the app.
 * </ul>
 *
 * <p>Per benchmark the figure is {@code serverCpuAppMsPerOp} of its 1-thread entries (one page view at a time, as
 * in the browser phase), the median when several modes ran; a page view is the sum over its benchmarks. A view is
 * absent when any of its benchmarks has no 1-thread entry with app CPU: never a partial sum.
 */
public final class ServerPhaseCpu {
    /** Benchmarks of one page view per variant label of the JMH entries. */
    static final Map<String, List<String>> PAGE_VIEW = pageView();

    private static Map<String, List<String>> pageView() {
        Map<String, List<String>> views = new LinkedHashMap<>();
        views.put("ssr", List.of("SsrBenchmarks.dashboard"));
        views.put("csr", List.of("CsrBenchmarks.indexHtml", "CsrBenchmarks.mainBundle"));
        views.put("next-ssr", List.of("NextSsrBenchmarks.dashboard"));
        views.put("next-csr", List.of("NextCsrBenchmarks.dashboardHtml", "NextCsrBenchmarks.scripts"));
        return views;
    }

    /**
     * One variant's page view in the server phase.
     *
     * @param benchmarks the benchmarks summed, with each one's app CPU per operation in ms
     * @param appMs      app CPU per page view, ms
     */
    public record View(Map<String, Double> benchmarks, double appMs) {
        /** "0.39 ms (SsrBenchmarks.dashboard 0.39 ms)". */
        public String text() {
            List<String> parts = new ArrayList<>();
            benchmarks.forEach((name, ms) -> parts.add(name + " " + ms(ms)));
            return ms(appMs) + " (" + String.join(" + ", parts) + ")";
        }
    }

    private final Map<String, View> views;
    private final boolean ran;

    private ServerPhaseCpu(Map<String, View> views, boolean ran) {
        this.views = views;
        this.ran = ran;
    }

    /**
     * A view is stored under the variant label its entries carry: {@code next-ssr} in a run's results,
     * {@code ssr} in the Next.js half of a four-variant run ({@link FrameworkView}).
     */
    public static ServerPhaseCpu of(List<JmhResult> jmh) {
        Map<String, View> views = new LinkedHashMap<>();
        for (List<String> names : PAGE_VIEW.values()) {
            List<String> labels = jmh.stream()
                    .filter(r -> names.contains(r.benchmark()))
                    .map(JmhResult::variant)
                    .distinct()
                    .toList();
            for (String label : labels) {
                Map<String, Double> perBenchmark = new LinkedHashMap<>();
                for (String name : names) {
                    double[] cpu = jmh.stream()
                            .filter(r -> r.variant().equals(label)
                                    && r.benchmark().equals(name)
                                    && r.threads() == 1
                                    && r.serverCpuAppMsPerOp() != null)
                            .mapToDouble(JmhResult::serverCpuAppMsPerOp)
                            .toArray();
                    if (cpu.length > 0) {
                        perBenchmark.put(name, Quantiles.median(cpu));
                    }
                }
                if (perBenchmark.size() == names.size()) {
                    views.put(
                            label,
                            new View(
                                    perBenchmark,
                                    perBenchmark.values().stream()
                                            .mapToDouble(Double::doubleValue)
                                            .sum()));
                }
            }
        }
        return new ServerPhaseCpu(views, !jmh.isEmpty());
    }

    /** The variant's page view, if every one of its benchmarks has a 1-thread app CPU figure. */
    public Optional<View> view(String variant) {
        return Optional.ofNullable(views.get(variant));
    }

    /** True if results.json holds JMH entries at all (the server phase ran). */
    public boolean ran() {
        return ran;
    }

    /** Why a variant has no view, for a reader. */
    public String missing(String variant) {
        List<String> names = PAGE_VIEW.getOrDefault(variant, List.of("its page-view benchmarks"));
        return ran
                ? "the server phase has no 1-thread app CPU per operation for " + String.join(" and ", names)
                : "the server phase did not run";
    }

    /** CPU per page view: small numbers, so down to µs ("0.392 ms", "2.70 ms"). */
    static String ms(double value) {
        return value < 1 ? Format.num(value, 3) + " ms" : Format.num(value, 2) + " ms";
    }
}
