/**
 * Number formatting shared by the claims, the report page, the CSV and the console summary, so a value reads the
 * same wherever it appears (milliseconds, bytes, counts, ratios, p-values; {@code Locale.ROOT} throughout).
 */
package io.authbench.reports.format;
