package io.authbench.reports.results;

import java.util.Map;

/**
 * One JMH benchmark result (server side, no browser).
 *
 * @param benchmark               benchmark name, e.g. {@code SsrBenchmark.dashboard}
 * @param variant                 {@code ssr} or {@code csr} (or another label the phase documents)
 * @param mode                    JMH mode: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param threads                 benchmark threads
 * @param score                   primary score
 * @param scoreError              99.9 % half-width as JMH reports it; null if JMH gave none
 * @param unit                    score unit, e.g. {@code ops/ms}, {@code ms/op}
 * @param params                  JMH @Param values
 * @param serverCpuAppMsPerOp     app process CPU per operation, null if not measured
 * @param serverCpuAppwriteMsPerOp Appwrite process CPU per operation, null if not measured
 */
public record JmhResult(
        String benchmark,
        String variant,
        String mode,
        int threads,
        double score,
        Double scoreError,
        String unit,
        Map<String, String> params,
        Double serverCpuAppMsPerOp,
        Double serverCpuAppwriteMsPerOp) {

    public JmhResult {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
