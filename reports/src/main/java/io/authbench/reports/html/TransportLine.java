package io.authbench.reports.html;

import io.authbench.reports.results.Run;
import java.util.Map;

/**
 * One line of the report's run description: how the browser reached the parties, from {@code config.settings}
 * ({@code transport}, {@code sites}, {@code appHost}, {@code appwriteHost}; docs/results-schema.md). Files written
 * before the harness had these options recorded none of them; those runs were plain HTTP on one host name.
 */
final class TransportLine {
    private TransportLine() {}

    static String html(Run run) {
        Map<String, String> settings = run.config().settings();
        String transport = settings.get("transport");
        if (transport == null) {
            return "<p class=\"subtitle\">Transport and sites: not recorded (this results file predates the"
                    + " options; such runs used plain HTTP on one host name, " + host(settings.get("publicHost"))
                    + ").</p>";
        }
        String protocol =
                "https".equals(transport) ? "https (TLS to each server behind its link, HTTP/2 offered)" : transport;
        String sites = settings.getOrDefault("sites", "?");
        String hosts = "app " + host(settings.get("appHost")) + ", Appwrite " + host(settings.get("appwriteHost"));
        return "<p class=\"subtitle\">Transport <b>" + Html.escape(protocol) + "</b> · sites <b>" + Html.escape(sites)
                + "</b> (" + hosts + ")</p>";
    }

    private static String host(String name) {
        return name == null ? "unknown" : "<code>" + Html.escape(name) + "</code>";
    }
}
