package io.authbench.reports.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /**
     * Counts the non-blank lines outside {@code //} and {@code /* ... *&#47;} comments (Java, Kotlin, JavaScript,
     * TypeScript, CSS) of {@code files}, given relative to {@code repoRoot}.
     *
     * @throws UncheckedIOException naming the file if one cannot be read
     */
    public static CodeSize measure(String variant, Path repoRoot, List<String> files) {
        int lines = 0;
        for (String file : files) {
            Path path = repoRoot.resolve(file);
            try {
                lines += countCode(Files.readAllLines(path, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new UncheckedIOException(
                        "code size: " + path + " does not exist; fix the file list of " + variant, e);
            } catch (IOException e) {
                throw new UncheckedIOException("code size: cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return new CodeSize(variant, files, lines);
    }

    /** Non-blank lines that are not entirely comment. */
    static int countCode(List<String> lines) {
        int count = 0;
        boolean inBlock = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (inBlock) {
                int end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inBlock = false;
                line = line.substring(end + 2).strip();
            }
            while (line.startsWith("/*")) {
                int end = line.indexOf("*/", 2);
                if (end < 0) {
                    inBlock = true;
                    line = "";
                    break;
                }
                line = line.substring(end + 2).strip();
            }
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            count++;
            int open = line.lastIndexOf("/*");
            if (open >= 0 && line.indexOf("*/", open + 2) < 0) {
                inBlock = true; // code followed by the start of a block comment
            }
        }
        return count;
    }
}
