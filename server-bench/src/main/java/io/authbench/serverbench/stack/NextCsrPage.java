package io.authbench.serverbench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a first visit to the Next.js CSR app's {@code /dashboard} loads from the app besides the document: the hashed
 * script chunks its HTML names ({@code <script src="/_next/static/...js">}), in page order.
 */
public record NextCsrPage(List<String> scriptPaths) {
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"(/_next/static/[^\"]+\\.js)\"");

    public NextCsrPage {
        scriptPaths = List.copyOf(scriptPaths);
    }

    /** Loads {@code /dashboard} once over HTTP/1.1 ({@code next start} drops Java's default h2c upgrade). */
    public static NextCsrPage probe(URI appUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        try {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(appUrl.resolve("/dashboard"))
                            .timeout(timeout)
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> scripts = scripts(page.body());
            if (page.statusCode() != 200 || scripts.isEmpty()) {
                throw new SeedingException("next-csr at " + appUrl
                        + " did not serve /dashboard with /_next/static script" + " chunks (status " + page.statusCode()
                        + "). Check its production build and its log.");
            }
            return new NextCsrPage(scripts);
        } catch (IOException e) {
            throw new SeedingException("next-csr at " + appUrl + " could not be reached (" + e + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("Interrupted while loading next-csr's /dashboard.");
        }
    }

    /** The distinct script chunk paths of a page, in order. */
    static List<String> scripts(String html) {
        Set<String> paths = new LinkedHashSet<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return new ArrayList<>(paths);
    }
}
