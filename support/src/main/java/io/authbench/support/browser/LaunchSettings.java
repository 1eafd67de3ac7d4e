package io.authbench.support.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to launch Chromium: which executable, headless or not, extra command-line flags and a launch timeout.
 * {@link Browsers#CHROMIUM_FLAGS} are always passed; {@code extraArgs} come after them.
 *
 * @param executable    the browser binary, usually from {@link BrowserLocator#locate()}
 * @param headless      Chromium's "new" headless mode (the full browser, no window)
 * @param extraArgs     additional Chromium flags, e.g. {@code --window-size=1280,800}
 * @param launchTimeout how long Playwright may wait for the browser to start
 * @param environment   variables set for the browser on top of this JVM's environment (e.g. the {@code HOME} of a
 *                      run's {@code ChromiumTrust}); empty = the JVM's environment as it is
 */
public record LaunchSettings(
        Path executable,
        boolean headless,
        List<String> extraArgs,
        Duration launchTimeout,
        Map<String, String> environment) {

    public static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    public LaunchSettings {
        Objects.requireNonNull(executable, "executable");
        extraArgs = List.copyOf(extraArgs);
        environment = Map.copyOf(environment);
        if (launchTimeout.isNegative() || launchTimeout.isZero()) {
            throw new IllegalArgumentException("Launch timeout must be positive, was " + launchTimeout + ".");
        }
    }

    /** Settings with the JVM's environment unchanged. */
    public LaunchSettings(Path executable, boolean headless, List<String> extraArgs, Duration launchTimeout) {
        this(executable, headless, extraArgs, launchTimeout, Map.of());
    }

    /** Headless, the located browser, no extra flags, {@link #DEFAULT_LAUNCH_TIMEOUT}. */
    public static LaunchSettings defaults() {
        return new LaunchSettings(BrowserLocator.locate(), true, List.of(), DEFAULT_LAUNCH_TIMEOUT);
    }

    public LaunchSettings withExecutable(Path browser) {
        return new LaunchSettings(browser, headless, extraArgs, launchTimeout, environment);
    }

    public LaunchSettings withHeadless(boolean headlessMode) {
        return new LaunchSettings(executable, headlessMode, extraArgs, launchTimeout, environment);
    }

    /** A copy with these flags appended to the extra flags. */
    public LaunchSettings withExtraArgs(List<String> more) {
        List<String> all = new ArrayList<>(extraArgs);
        all.addAll(more);
        return new LaunchSettings(executable, headless, all, launchTimeout, environment);
    }

    public LaunchSettings withLaunchTimeout(Duration timeout) {
        return new LaunchSettings(executable, headless, extraArgs, timeout, environment);
    }

    /** A copy whose browser also gets these variables (later ones win over earlier ones and the JVM's). */
    public LaunchSettings withEnvironment(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(more);
        return new LaunchSettings(executable, headless, extraArgs, launchTimeout, all);
    }
}
