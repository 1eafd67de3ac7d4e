package io.authbench.reports.stats;

/**
 * One row of "The claims, measured".
 *
 * @param topic       the post's heading, e.g. "Initial load time"
 * @param claim       the claim in a few words
 * @param measurement what tests it
 * @param ssr         the SSR numbers, as text
 * @param csr         the CSR numbers, as text
 * @param verdict     the verdict
 * @param why         why this verdict (which cells, which caveat)
 * @param rule        the verdict's rule in words, shown next to every verdict: when it is confirmed, refuted, and
 *                    when the data cannot judge it
 */
public record ClaimRow(
        String topic,
        String claim,
        String measurement,
        String ssr,
        String csr,
        ClaimVerdict verdict,
        String why,
        String rule) {

    /** The same row with another verdict and reason (the rule stays). */
    ClaimRow with(ClaimVerdict newVerdict, String newWhy) {
        return new ClaimRow(topic, claim, measurement, ssr, csr, newVerdict, newWhy, rule);
    }
}
