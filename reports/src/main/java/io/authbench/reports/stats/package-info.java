/**
 * Statistics of the report: paired SSR/CSR comparisons (bootstrap interval, Wilcoxon signed-rank test, Holm
 * correction, verdict), round-trip analysis, claims and baseline comparison. Pure functions of
 * {@link io.authbench.reports.results.RunResults}; no I/O, no HTML. The methods are documented in
 * {@code reports/README.md} ("Statistics").
 */
package io.authbench.reports.stats;
