package io.authbench.support.browser;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Playwright's errors when reaching a remote browser into one sentence naming the problem and the fix. The
 * endpoint is always passed in redacted form ({@link RemoteEndpoints#redacted}); Playwright's own text is
 * summarized and never repeats the original URL.
 */
final class RemoteErrors {
    private static final Pattern SERVER_VERSION = Pattern.compile("server version: v?(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern MISSING_EXECUTABLE = Pattern.compile("(?i)executable doesn't exist at (\\S+)");
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b(?:wss?|https?)://\\S+");

    private RemoteErrors() {}

    static String playwrightServer(String endpoint, String playwrightMessage, String clientVersion, Duration timeout) {
        String text = playwrightMessage == null ? "" : playwrightMessage;
        String lower = text.toLowerCase(Locale.ROOT);
        String runServer = "node ~/.cache/authbench/playwright-driver-" + clientVersion
                + "/package/cli.js run-server --host 0.0.0.0 --port 3000 --unsafe";
        if (lower.contains("version mismatch")) {
            Matcher server = SERVER_VERSION.matcher(text);
            String serverVersion = server.find() ? "Playwright " + server.group(1) : "another Playwright version";
            return "The Playwright server at " + endpoint + " runs " + serverVersion + ", but AuthBench's client is"
                    + " Playwright " + clientVersion + " and both must be the same version. Start a " + clientVersion
                    + " server, e.g. '" + runServer + "' (the driver AuthBench caches), or 'npx playwright@"
                    + clientVersion + " run-server --port 3000'.";
        }
        if (lower.contains("econnrefused")) {
            return "No Playwright server answers at " + endpoint + " (connection refused). Start one there, e.g. '"
                    + runServer + "', or fix --browser-ws.";
        }
        if (lower.contains("enotfound") || lower.contains("eai_again")) {
            return "The host of the Playwright server " + endpoint + " cannot be resolved. Fix the host name in"
                    + " --browser-ws.";
        }
        if (lower.contains("timeout") && lower.contains("exceeded")) {
            return "The Playwright server at " + endpoint + " did not hand over a browser within "
                    + timeout.toSeconds() + " s. Check that it is a Playwright server (run-server or launchServer)"
                    + " and that its browser starts: a run-server without --unsafe launches its own Chromium, which"
                    + " must be installed there ('npx playwright@" + clientVersion + " install chromium').";
        }
        Matcher missing = MISSING_EXECUTABLE.matcher(text);
        if (missing.find()) {
            return "The Playwright server at " + endpoint + " has no browser to launch: " + missing.group(1)
                    + " does not exist on its machine. Pass --browser=/path/to/chromium on that machine (honoured by"
                    + " 'run-server --unsafe'), or install Playwright's Chromium there ('npx playwright@"
                    + clientVersion + " install chromium').";
        }
        return "Cannot use the Playwright server at " + endpoint + ": " + summary(text) + ". Check --browser-ws and"
                + " that the server is a Playwright " + clientVersion + " run-server or launchServer.";
    }

    static String seleniumGrid(String grid, String playwrightMessage, Duration timeout) {
        String text = playwrightMessage == null ? "" : playwrightMessage;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("econnrefused")) {
            return "No Selenium Grid answers at " + grid
                    + " (connection refused). Start one there (docs/running-at-scale.md"
                    + " shows a standalone grid with Debian's chromium-driver), or fix --selenium-grid.";
        }
        if (lower.contains("enotfound") || lower.contains("eai_again")) {
            return "The host of the Selenium Grid " + grid
                    + " cannot be resolved. Fix the host name in --selenium-grid.";
        }
        if (lower.contains("error connecting to selenium")) {
            return "The Selenium Grid at " + grid + " refused a Chromium session: " + summary(text) + ". Check that a"
                    + " node offers browserName 'chrome' with a chromedriver that matches its Chromium ('apt-get"
                    + " install -y chromium-driver' next to Debian's chromium) and has a free slot.";
        }
        if (lower.contains("timeout") && lower.contains("exceeded")) {
            return "The Selenium Grid at " + grid + " did not hand over a Chromium within " + timeout.toSeconds()
                    + " s. Check its node (free slots, chromedriver) and its log.";
        }
        return "Cannot launch Chromium on the Selenium Grid at " + grid + ": " + summary(text) + ". Playwright's"
                + " Selenium Grid support is experimental and needs Grid 4 with its CDP endpoint (se:cdp); see"
                + " docs/running-at-scale.md.";
    }

    /** Playwright's headline without any URL it may contain (it could carry credentials). */
    private static String summary(String text) {
        return URL_IN_TEXT.matcher(PlaywrightErrors.summarize(text)).replaceAll("<url>");
    }
}
