package io.authbench.support.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on user-chosen executables, with messages that name the setting, the path and the fix. */
final class Executables {
    private Executables() {}

    static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    static void requireExecutable(Path path, Setting.Value chosen, String fix) {
        String problem;
        if (!Files.exists(path)) {
            problem = "no such file";
        } else if (!Files.isRegularFile(path)) {
            problem = "not a file";
        } else if (!Files.isExecutable(path)) {
            problem = "not executable";
        } else {
            return;
        }
        throw new BrowserSetupException(chosen.source() + "=" + chosen.value() + ": " + problem
                + (path.toString().equals(chosen.value()) ? "" : " (" + path + ")") + ". " + fix);
    }
}
