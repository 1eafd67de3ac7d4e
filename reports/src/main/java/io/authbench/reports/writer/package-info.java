/** The last stage: writes report.html and summary.csv atomically and formats the console summary. */
package io.authbench.reports.writer;
