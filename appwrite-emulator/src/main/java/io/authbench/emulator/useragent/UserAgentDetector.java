package io.authbench.emulator.useragent;

import io.authbench.emulator.model.ClientInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a session's OS, client and device fields from a User-Agent. Appwrite uses matomo's DeviceDetector; this
 * recognises only the common desktop and mobile browsers (codes and names as DeviceDetector spells them) and leaves
 * every field {@code ""} for anything else, such as {@code AppwriteKotlinSDK/6.1.0 null}. No client relies on these
 * values; they exist so the Session model is complete.
 */
public final class UserAgentDetector {
    private record Browser(String marker, String code, String name, String engine) {}

    private static final Browser[] BROWSERS = {
        new Browser("Edg/", "PS", "Microsoft Edge", "Blink"),
        new Browser("OPR/", "OP", "Opera", "Blink"),
        new Browser("HeadlessChrome/", "HC", "Headless Chrome", "Blink"),
        new Browser("Chrome/", "CH", "Chrome", "Blink"),
        new Browser("Firefox/", "FF", "Firefox", "Gecko"),
        new Browser("Version/", "SF", "Safari", "WebKit"),
    };
    private static final Pattern VERSION = Pattern.compile("([0-9]+)(\\.[0-9]+)?((\\.[0-9]+)*)");
    private static final Pattern ENGINE_VERSION = Pattern.compile("(?:Chrome|rv:|AppleWebKit)/?([0-9.]+)");

    private UserAgentDetector() {}

    public static ClientInfo detect(String userAgent) {
        if (userAgent == null || !userAgent.startsWith("Mozilla/")) {
            return ClientInfo.UNKNOWN;
        }
        String[] os = os(userAgent);
        for (Browser browser : BROWSERS) {
            int at = userAgent.indexOf(browser.marker());
            if (at < 0) {
                continue;
            }
            Matcher version =
                    VERSION.matcher(userAgent.substring(at + browser.marker().length()));
            String clientVersion = "";
            if (version.lookingAt()) {
                clientVersion = version.group(1) + (version.group(2) == null ? ".0" : version.group(2));
            }
            Matcher engine = ENGINE_VERSION.matcher(userAgent);
            String engineVersion = engine.find() ? engine.group(1) : "";
            if (browser.engine().equals("Gecko")) {
                engineVersion = clientVersion;
            }
            String device = userAgent.contains("iPad") || userAgent.contains("Tablet")
                    ? "tablet"
                    : userAgent.contains("Mobile") ? "smartphone" : "desktop";
            return new ClientInfo(
                    os[0],
                    os[1],
                    os[2],
                    "browser",
                    browser.code(),
                    browser.name(),
                    clientVersion,
                    browser.engine(),
                    engineVersion,
                    device,
                    "",
                    "");
        }
        return new ClientInfo(os[0], os[1], os[2], "", "", "", "", "", "", "", "", "");
    }

    private static String[] os(String ua) {
        if (ua.contains("Android")) {
            return new String[] {"AND", "Android", ""};
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return new String[] {"IOS", "iOS", ""};
        }
        if (ua.contains("Windows")) {
            return new String[] {"WIN", "Windows", ""};
        }
        if (ua.contains("Mac OS X")) {
            return new String[] {"MAC", "Mac", ""};
        }
        if (ua.contains("Linux") || ua.contains("X11")) {
            return new String[] {"LIN", "GNU/Linux", ""};
        }
        return new String[] {"", "", ""};
    }
}
