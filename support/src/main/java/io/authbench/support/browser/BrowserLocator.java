package io.authbench.support.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Chromium (or Chrome) executable to drive: {@code -Dauthbench.browser}, then {@code AUTHBENCH_BROWSER},
 * then the usual install locations, Debian's real binary first. Playwright never downloads a browser here.
 */
public final class BrowserLocator {
    static final Setting SETTING = new Setting("authbench.browser", "AUTHBENCH_BROWSER");

    /**
     * Searched in order. Debian's {@code /usr/lib/chromium/chromium} comes before the {@code /usr/bin/chromium}
     * shell wrapper, which adds flags from {@code /etc/chromium.d} and starts about 50 ms slower.
     */
    public static final List<Path> COMMON_LOCATIONS = List.of(
            Path.of("/usr/lib/chromium/chromium"),
            Path.of("/usr/bin/chromium"),
            Path.of("/usr/lib/chromium-browser/chromium-browser"),
            Path.of("/usr/bin/chromium-browser"),
            Path.of("/snap/bin/chromium"),
            Path.of("/usr/bin/google-chrome"),
            Path.of("/usr/bin/google-chrome-stable"),
            Path.of("/opt/google/chrome/chrome"),
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

    static final String NOT_FOUND = "No Chromium found. Install it with: apt-get install -y chromium"
            + " (or set -Dauthbench.browser=/path/to/chrome)";

    private BrowserLocator() {}

    /**
     * The browser executable to launch.
     *
     * @throws BrowserSetupException if an explicit setting names a missing or non-executable file (the message names
     *                               the setting and the path), or if nothing is found anywhere
     */
    public static Path locate() {
        return locate(SETTING.read(), COMMON_LOCATIONS);
    }

    static Path locate(Optional<Setting.Value> explicit, List<Path> candidates) {
        if (explicit.isPresent()) {
            Setting.Value chosen = explicit.get();
            Path path = Path.of(chosen.value()).toAbsolutePath();
            Executables.requireExecutable(
                    path,
                    chosen,
                    "Point it at a Chromium or Chrome executable, or leave it empty to search the usual locations.");
            return path;
        }
        return candidates.stream()
                .filter(Executables::isExecutableFile)
                .findFirst()
                .orElseThrow(() -> new BrowserSetupException(NOT_FOUND));
    }
}
