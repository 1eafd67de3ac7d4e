/**
 * The results model: what one benchmark run measured, as written to {@code results.json}.
 *
 * <p>This package is the single definition of the format shared by the harness (which writes it through
 * {@link io.authbench.reports.results.ResultsWriter}) and the report (which reads it through
 * {@link io.authbench.reports.results.ResultsJson#read(java.nio.file.Path)}). The schema is documented in
 * {@code docs/results-schema.md}; {@link io.authbench.reports.results.RunResults#SCHEMA} names its version.
 *
 * <p>Conventions: every number carries its unit in its name ({@code rttMs}, {@code bytes},
 * {@code downBitsPerSecond}); a value that was not measured is {@code null} (absent in JSON), never 0; lists are
 * never null (an absent list reads as empty). Only {@link io.authbench.reports.results.ResultsJson} knows Jackson.
 */
package io.authbench.reports.results;
