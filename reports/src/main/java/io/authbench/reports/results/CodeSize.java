package io.authbench.reports.results;

import java.util.List;

/**
 * A development-complexity proxy: how much code one variant's auth path takes. A proxy, not a measure of
 * complexity; the report labels it so.
 *
 * @param variant      {@code ssr} or {@code csr}
 * @param files        the files counted, relative to the repository root
 * @param linesOfCode  non-blank, non-comment lines in those files
 */
public record CodeSize(String variant, List<String> files, int linesOfCode) {
    public CodeSize {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
