package io.authbench.serverbench.jmh;

/**
 * Percentiles of a sample-time benchmark (JMH's JSON has them too; these are for summaries and the report).
 *
 * @param benchmark {@code Class.method}
 * @param threads   benchmark threads
 * @param p50Ms     median time per operation, milliseconds
 * @param p90Ms     90th percentile
 * @param p99Ms     99th percentile
 * @param samples   operations sampled
 */
public record JmhSampleFigure(String benchmark, int threads, double p50Ms, double p90Ms, double p99Ms, long samples) {}
