package io.authbench.support.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's Node.js, which runs the Playwright driver (the parent pom drops Playwright's bundled node).
 * Found by {@code -Dauthbench.node}, {@code AUTHBENCH_NODE}, the {@code PATH}, then {@code /usr/bin/node}, and
 * checked against the version the driver's package.json asks for.
 *
 * @param path         absolute path of the executable
 * @param majorVersion e.g. 20 for {@code v20.20.2}
 */
record NodeJs(Path path, int majorVersion) {
    static final Setting SETTING = new Setting("authbench.node", "AUTHBENCH_NODE");
    static final String INSTALL =
            "Install Node.js with: apt-get install -y nodejs (or set -Dauthbench.node=/path/to/node)";

    private static final List<Path> COMMON_LOCATIONS =
            List.of(Path.of("/usr/bin/node"), Path.of("/usr/local/bin/node"));
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.\\d+\\.\\d+.*");
    private static final long VERSION_TIMEOUT_SECONDS = 10;

    /**
     * Finds node and checks it is at least {@code requiredMajor}.
     *
     * @throws BrowserSetupException naming the path and the install command, if it is missing, broken or too old
     */
    static NodeJs locate(int requiredMajor) {
        return locate(SETTING.read(), System.getenv("PATH"), requiredMajor, NodeVersionMemo.NONE);
    }

    /**
     * As {@link #locate(int)}, but skips running {@code node --version} (a node start, 60-500 ms) when {@code memo}
     * remembers the version of this very binary (same real path, size and modification time).
     */
    static NodeJs locate(int requiredMajor, NodeVersionMemo memo) {
        return locate(SETTING.read(), System.getenv("PATH"), requiredMajor, memo);
    }

    static NodeJs locate(Optional<Setting.Value> explicit, String pathVariable, int requiredMajor) {
        return locate(explicit, pathVariable, requiredMajor, NodeVersionMemo.NONE);
    }

    static NodeJs locate(
            Optional<Setting.Value> explicit, String pathVariable, int requiredMajor, NodeVersionMemo memo) {
        Path node;
        if (explicit.isPresent()) {
            node = Path.of(explicit.get().value()).toAbsolutePath();
            Executables.requireExecutable(
                    node,
                    explicit.get(),
                    "Point it at a node executable (Node.js " + requiredMajor
                            + " or newer), or leave it empty to use the node on the PATH.");
        } else {
            node = candidates(pathVariable).stream()
                    .filter(Executables::isExecutableFile)
                    .findFirst()
                    .orElseThrow(() -> new BrowserSetupException(
                            "No Node.js found (the Playwright driver runs on it). " + INSTALL));
        }
        int major = memo.lookup(node).orElseGet(() -> {
            int measured = majorVersion(node);
            memo.remember(node, measured);
            return measured;
        });
        if (major < requiredMajor) {
            throw new BrowserSetupException(
                    "Node.js at " + node + " is version " + major + "; the Playwright driver needs " + requiredMajor
                            + " or newer. " + INSTALL.replace("Install", "Upgrade"));
        }
        return new NodeJs(node, major);
    }

    private static List<Path> candidates(String pathVariable) {
        List<Path> candidates = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "node").toAbsolutePath());
                }
            }
        }
        candidates.addAll(COMMON_LOCATIONS);
        return candidates;
    }

    /** Runs {@code node --version}, bounded in time: a broken node must not hang the build. */
    private static int majorVersion(Path node) {
        String output;
        try {
            Process process = new ProcessBuilder(node.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new BrowserSetupException("'" + node + " --version' did not answer within "
                            + VERSION_TIMEOUT_SECONDS + " s. " + INSTALL);
                }
                output = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
            }
            if (process.exitValue() != 0) {
                throw new BrowserSetupException("'" + node + " --version' failed with exit code " + process.exitValue()
                        + " (" + firstLine(output) + "). " + INSTALL);
            }
        } catch (IOException e) {
            throw new BrowserSetupException("Cannot run " + node + " (" + e.getMessage() + "). " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserSetupException("Interrupted while checking the Node.js version of " + node + ".", e);
        }
        Matcher matcher = VERSION.matcher(firstLine(output));
        if (!matcher.matches()) {
            throw new BrowserSetupException("'" + node + " --version' printed '" + firstLine(output)
                    + "', which is not a Node.js version. " + INSTALL);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).trim();
    }
}
