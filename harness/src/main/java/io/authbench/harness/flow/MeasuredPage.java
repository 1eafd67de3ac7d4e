package io.authbench.harness.flow;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import io.authbench.harness.browser.NetworkLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page with its instrumentation: a CDP session recording the network, the CPU throttle of the profile (from the
 * measured phase on), and the console errors it logged.
 */
final class MeasuredPage {
    /**
     * The CSR pattern asks Appwrite who the user is before it knows; Chromium logs that expected 401 as a console
     * error. It is the pattern's normal guest check, not a fault, so it does not fail the iteration.
     */
    static final String EXPECTED_GUEST_CHECK = "Failed to load resource: the server responded with a status of 401";

    final Page page;
    final CDPSession cdp;
    final NetworkLog network;
    final DocumentResponses documents;
    final List<String> consoleErrors = new ArrayList<>();

    private MeasuredPage(Page page, CDPSession cdp, NetworkLog network, DocumentResponses documents) {
        this.page = page;
        this.cdp = cdp;
        this.network = network;
        this.documents = documents;
    }

    static MeasuredPage open(BrowserContext context) {
        Page page = context.newPage();
        CDPSession cdp = context.newCDPSession(page);
        NetworkLog network = NetworkLog.attach(cdp);
        cdp.send("Performance.enable");
        MeasuredPage measured = new MeasuredPage(page, cdp, network, DocumentResponses.attach(page));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())
                    && !message.text().startsWith(EXPECTED_GUEST_CHECK)
                    && !isMissingFavicon(message.text(), message.location())) {
                measured.consoleErrors.add(oneLine(message.text()));
            }
        });
        page.onPageError(error -> measured.consoleErrors.add("uncaught: " + oneLine(error)));
        return measured;
    }

    /**
     * Slows this page's CPU by {@code slowdown} (CDP CPU throttling; 1 = none). Called as the measured phase starts,
     * like the links' profile: set-up page loads (the login form, the dashboard before a click) run at full speed, so
     * a slow profile does not pay for them in wall time.
     */
    void throttleCpu(double slowdown) {
        if (slowdown > 1) {
            JsonObject rate = new JsonObject();
            rate.addProperty("rate", slowdown);
            cdp.send("Emulation.setCPUThrottlingRate", rate);
        }
    }

    /** CDP Performance.getMetrics as name → value (seconds for durations). */
    Map<String, Double> performanceMetrics() {
        Map<String, Double> values = new HashMap<>();
        JsonObject result = cdp.send("Performance.getMetrics");
        JsonArray metrics = result.getAsJsonArray("metrics");
        for (JsonElement m : metrics) {
            JsonObject metric = m.getAsJsonObject();
            values.put(metric.get("name").getAsString(), metric.get("value").getAsDouble());
        }
        return values;
    }

    /**
     * Chromium asks every site for /favicon.ico on its own and logs a 404 as a console error; that is the browser's
     * request, not the page's, and many apps have no favicon, so it does not fail the iteration.
     */
    static boolean isMissingFavicon(String text, String location) {
        // Playwright gives the location as "URL:line:column"; for a failed load the URL is the resource's.
        return text.startsWith("Failed to load resource")
                && location != null
                && FAVICON_LOCATION.matcher(location).matches();
    }

    private static final Pattern FAVICON_LOCATION = Pattern.compile("https?://[^/?#]+/favicon\\.ico(:\\d+)*");

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
