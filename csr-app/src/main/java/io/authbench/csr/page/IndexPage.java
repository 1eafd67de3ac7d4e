package io.authbench.csr.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one HTML document of the SPA, rendered once at start-up. It carries the runtime config (Appwrite
 * endpoint, project and upstream timeout, chosen by flags) in {@code <meta name="authbench-config">} as escaped JSON, so the
 * bundle stays the same for any Appwrite URL and no inline script is needed.
 */
public final class IndexPage {
    private IndexPage() {}

    /**
     * @param endpoint      Appwrite endpoint as the browser reaches it
     * @param project       Appwrite project id
     * @param timeoutMillis longest wait for one Appwrite call
     */
    public static Asset render(FrontEndBundle bundle, String endpoint, String project, long timeoutMillis) {
        return Asset.html("/index.html", html(bundle, configJson(endpoint, project, timeoutMillis)));
    }

    static String configJson(String endpoint, String project, long timeoutMillis) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("endpoint", endpoint);
        config.put("project", project);
        config.put("timeoutMillis", timeoutMillis);
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("two strings always serialize", e);
        }
    }

    static String html(FrontEndBundle bundle, String configJson) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="authbench-config" content="%s">
                <title>AuthBench</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="%s">
                <script defer src="%s"></script>
                </head>
                <body>
                <div id="app"></div>
                <noscript><main><p>This app needs JavaScript: it signs you in from the browser.</p></main></noscript>
                </body>
                </html>
                """.formatted(
                Html.escape(configJson), Html.escape(bundle.stylesheetPath()), Html.escape(bundle.scriptPath()));
    }
}
