package io.authbench.harness.codesize;

import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.Variants;
import java.nio.file.Path;
import java.util.List;

/** Measures both variants' auth paths ({@link AuthPathFiles}) under a source root with reports' {@code CodeSize}. */
public final class CodeSizeProbe {
    private CodeSizeProbe() {}

    /**
     * @throws java.io.UncheckedIOException naming the file if a listed file is missing or unreadable (the list and the
     *                                      apps have drifted apart: fix {@link AuthPathFiles})
     */
    public static List<CodeSize> measure(Path sourceRoot) {
        return List.of(
                CodeSize.measure(Variants.SSR, sourceRoot, AuthPathFiles.SSR),
                CodeSize.measure(Variants.CSR, sourceRoot, AuthPathFiles.CSR));
    }
}
