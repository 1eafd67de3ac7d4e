/**
 * The report page: one self-contained HTML document built from a {@link io.authbench.reports.stats.ReportModel}
 * with text blocks and inline SVG charts. No JavaScript, no external resource of any kind; every interpolated
 * value goes through {@link io.authbench.reports.html.Html#escape(String)}.
 */
package io.authbench.reports.html;
