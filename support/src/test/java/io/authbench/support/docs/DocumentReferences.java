package io.authbench.support.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references in the repository's text files that a clone cannot follow:
 * <ol>
 *   <li><b>documents that are not in the repository</b>: a section number ("§5", "NOTES §5": a place in a document
 *       that is no file here; allowed only as "issue N §M"), a relative path that climbs out of the repository
 *       ({@code ../elsewhere/notes.md}), and a Markdown file named without a folder ({@code notes.md}) that no file
 *       of the repository is called;</li>
 *   <li><b>broken links</b>: a relative Markdown link whose file does not exist, and a mention of a Markdown file
 *       ({@code docs/architecture.md}, or {@code name.md#anchor}) in any file whose file does not exist or whose
 *       {@code #anchor} is no heading of that file ({@link MarkdownAnchors}).</li>
 * </ol>
 * A mention outside a Markdown link is resolved like a reader would: against the mentioning file's folder, then each
 * folder above it up to the repository root ({@code docs/x.md} in a Java file means the root's {@code docs/}); a
 * Markdown link is resolved as GitHub does, against the linking file's folder only.
 *
 * <p>Scanned: files ending in one of {@link #EXTENSIONS} up to {@link #MAX_BYTES}, except under {@code target/}
 * build folders, {@code node_modules/} and hidden folders ({@code .git}, IDE folders), and except this checker's own
 * package, whose fixtures must spell the forbidden forms out. The rules are generic on purpose: they name no document,
 * so the checker itself points nowhere outside the repository.
 */
final class DocumentReferences {
    static final Set<String> EXTENSIONS = Set.of("java", "md", "xml", "js", "json", "ts", "tsx", "html", "properties");
    /** This checker's fixtures spell every forbidden form; they are the one place allowed to. */
    static final Path SELF = Path.of("support", "src", "test", "java", "io", "authbench", "support", "docs");
    /** Files larger than this are recorded data (the golden results.json files), not text that refers to documents. */
    private static final long MAX_BYTES = 512L << 10;

    /** One reference a clone cannot follow, and how to fix it. */
    record Problem(String path, int line, String found, String fix) {
        @Override
        public String toString() {
            return path + ":" + line + ": " + found + " -> " + fix;
        }
    }

    /** The heading the fixes give as an example; DocumentReferencesTest checks that it exists. */
    static final String EXAMPLE_FIX = "docs/architecture.md#flows";

    private static final String SECTION_SIGN = "\u00a7";
    /** "§4", "§ 11.1", "NOTES §4": the word before the sign, if any, is quoted in the problem. */
    private static final Pattern SECTION_REFERENCE =
            Pattern.compile("(?:([\\w.-]+)\\s*)?" + SECTION_SIGN + "\\s*(\\d+(?:\\.\\d+)?)");
    /** A relative path that starts by climbing ({@code ../x}); not a part of a longer path ({@code ${dir}/../x}). */
    private static final Pattern CLIMBING_PATH = Pattern.compile("(?<![\\w./$}-])((?:\\.\\./)+[\\w.-]+(?:/[\\w.-]+)*)");

    private static final Pattern ISSUE_BEFORE = Pattern.compile("(?i)\\bissue\\s+#?\\d+\\s*$");

    private static final Pattern MD_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern MD_LINK_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s|$)");
    private static final Pattern SCHEME = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)");
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s)>\"'\\]`]+");
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\w./#~-])((?:\\.{1,2}/)*(?:[\\w.-]+/)*[\\w-][\\w.-]*\\.md)(?![\\w])(?:#([\\w-]+))?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private final Path root;
    private final Map<Path, Optional<Set<String>>> anchors = new HashMap<>();
    /** The file names of the repository's Markdown files, for mentions without a folder. */
    private final Set<String> markdownNames = new HashSet<>();

    private DocumentReferences(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every problem in the repository at {@code root}, in file and line order. */
    static List<Problem> scan(Path root) {
        DocumentReferences checker = new DocumentReferences(root);
        List<Path> files = checker.textFiles();
        files.stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".md"))
                .forEach(checker.markdownNames::add);
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            checker.check(file, problems);
        }
        problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
        return problems;
    }

    /** The anchors of a Markdown file of the repository at {@code root}, empty when it does not exist. */
    static Optional<Set<String>> anchorsOf(Path root, String relativePath) {
        DocumentReferences checker = new DocumentReferences(root);
        return checker.anchors(checker.root.resolve(relativePath).normalize());
    }

    private List<Path> textFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path relative = root.relativize(dir);
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean buildOutput = name.equals("target") && relative.getNameCount() <= 2;
                    if (!dir.equals(root)
                            && (name.startsWith(".")
                                    || name.equals("node_modules")
                                    || buildOutput
                                    || relative.equals(SELF))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    if (dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) && attrs.size() <= MAX_BYTES) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + root, e);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private void check(Path file, List<Problem> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return; // not UTF-8 text: no references to check
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String path = root.relativize(file).toString().replace('\\', '/');
        boolean markdown = path.endsWith(".md");
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            boolean inCode = false;
            if (markdown) {
                Matcher fenceMatch = FENCE.matcher(line);
                if (fenceMatch.find()) {
                    String marker = fenceMatch.group(1);
                    if (fence == null) {
                        fence = marker;
                    } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
                        fence = null;
                    }
                    inCode = true;
                }
                inCode |= fence != null;
            }
            outside(file, path, number, line, problems);
            List<int[]> linkSpans = new ArrayList<>();
            if (markdown && !inCode && (line.contains("](") || line.contains("]:"))) {
                links(file, path, number, line, linkSpans, problems);
            }
            if (line.contains(".md")) {
                mentions(file, path, number, line, linkSpans, problems);
            }
        }
    }

    private void outside(Path file, String path, int number, String line, List<Problem> problems) {
        if (line.contains(SECTION_SIGN)) {
            Matcher m = SECTION_REFERENCE.matcher(line);
            while (m.find()) {
                int sign = line.indexOf(SECTION_SIGN, m.start());
                if (ISSUE_BEFORE.matcher(line.substring(0, sign)).find()) {
                    continue;
                }
                problems.add(new Problem(
                        path,
                        number,
                        "\"" + m.group() + "\" names a section of a document that is not in the repository",
                        "name the file and heading under docs/ that explain it (e.g. " + EXAMPLE_FIX + ")"));
            }
        }
        if (line.contains("../")) {
            Matcher m = CLIMBING_PATH.matcher(line);
            while (m.find()) {
                if (!file.getParent().resolve(m.group(1)).normalize().startsWith(root)) {
                    problems.add(new Problem(
                            path,
                            number,
                            "\"" + m.group(1) + "\" leaves the repository",
                            "point at a document under docs/ in this repository"));
                }
            }
        }
    }

    private void links(Path file, String path, int number, String line, List<int[]> spans, List<Problem> problems) {
        List<Matcher> matchers = List.of(MD_LINK.matcher(line), MD_LINK_DEFINITION.matcher(line));
        for (Matcher m : matchers) {
            while (m.find()) {
                spans.add(new int[] {m.start(1), m.end(1)});
                String target = m.group(1);
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                int hash = target.indexOf('#');
                String targetPath =
                        URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved;
                if (targetPath.isEmpty()) {
                    resolved = file;
                } else if (targetPath.startsWith("/")) {
                    resolved = root.resolve(targetPath.substring(1)).normalize();
                } else {
                    resolved = file.getParent().resolve(targetPath).normalize();
                }
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    problems.add(new Problem(
                            path,
                            number,
                            "link to \"" + target + "\": no such file",
                            "link to a file of the repository, relative to " + folderOf(path)));
                } else if (anchor != null
                        && !anchor.isEmpty()
                        && resolved.toString().endsWith(".md")) {
                    checkAnchor(path, number, "link to \"" + target + "\"", List.of(resolved), anchor, problems);
                }
            }
        }
    }

    private void mentions(
            Path file, String path, int number, String line, List<int[]> linkSpans, List<Problem> problems) {
        List<int[]> skip = new ArrayList<>(linkSpans);
        Matcher url = URL.matcher(line);
        while (url.find()) {
            skip.add(new int[] {url.start(), url.end()});
        }
        Matcher m = MENTION.matcher(line);
        while (m.find()) {
            String mentioned = m.group(1);
            String anchor = m.group(2);
            if (overlaps(skip, m.start(), m.end())) {
                continue;
            }
            if (!mentioned.contains("/") && anchor == null) {
                // A name without a folder is any file of that name: only a name no file has is a problem.
                if (!markdownNames.contains(mentioned)) {
                    problems.add(new Problem(
                            path,
                            number,
                            "\"" + mentioned + "\": no Markdown file of the repository has this name",
                            "name an existing file, from the repository root (e.g. docs/architecture.md)"));
                }
                continue;
            }
            List<Path> existing = new ArrayList<>();
            for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                Path candidate = dir.resolve(mentioned).normalize();
                if (candidate.startsWith(root) && Files.isRegularFile(candidate) && !existing.contains(candidate)) {
                    existing.add(candidate);
                }
            }
            String what = "\"" + m.group() + "\"";
            if (existing.isEmpty()) {
                problems.add(new Problem(
                        path,
                        number,
                        what + ": no such file in the repository",
                        "name an existing file, from the repository root (e.g. docs/architecture.md)"));
            } else if (anchor != null) {
                checkAnchor(path, number, what, existing, anchor, problems);
            }
        }
    }

    private void checkAnchor(
            String path, int number, String what, List<Path> files, String anchor, List<Problem> problems) {
        Set<String> known = null;
        for (Path candidate : files) {
            Optional<Set<String>> headings = anchors(candidate);
            if (headings.isPresent() && headings.get().contains(anchor)) {
                return;
            }
            if (known == null && headings.isPresent()) {
                known = headings.get();
            }
        }
        String file = root.relativize(files.get(0)).toString().replace('\\', '/');
        problems.add(new Problem(
                path,
                number,
                what + ": " + file + " has no heading #" + anchor,
                "use one of its anchors: " + closest(anchor, known == null ? Set.of() : known)));
    }

    /** The anchors sharing a word with the missing one, else the first few. */
    private static String closest(String anchor, Set<String> known) {
        List<String> words = List.of(anchor.toLowerCase(Locale.ROOT).split("-"));
        List<String> alike = known.stream()
                .filter(k -> words.stream().anyMatch(w -> w.length() > 2 && k.contains(w)))
                .limit(6)
                .toList();
        List<String> shown = alike.isEmpty() ? known.stream().limit(8).toList() : alike;
        return shown.isEmpty() ? "(it has no headings)" : "#" + String.join(", #", shown);
    }

    private Optional<Set<String>> anchors(Path markdown) {
        return anchors.computeIfAbsent(markdown, p -> {
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(MarkdownAnchors.of(Files.readAllLines(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        });
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "the repository root" : path.substring(0, slash) + "/";
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(s -> start < s[1] && s[0] < end);
    }
}
