package io.authbench.serverbench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser learns from csr-app's {@code index.html}: its {@code ETag} (for revalidation on a returning visit)
 * and the path of the hashed script bundle.
 */
public record CsrPage(String indexEtag, String scriptPath) {
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"(/assets/[^\"]+\\.js)\"");

    /** Loads {@code /dashboard} once, as a first visit would. */
    public static CsrPage probe(URI csrUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        try {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(csrUrl.resolve("/dashboard"))
                            .timeout(timeout)
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String etag = page.headers().firstValue("ETag").orElse(null);
            Matcher script = SCRIPT.matcher(page.body());
            if (page.statusCode() != 200 || etag == null || !script.find()) {
                throw new SeedingException("csr-app at " + csrUrl
                        + " did not serve index.html with an ETag and a /assets/*.js" + " script (status "
                        + page.statusCode() + "). Check that the csr-app jar contains its bundle.");
            }
            return new CsrPage(etag, script.group(1));
        } catch (IOException e) {
            throw new SeedingException("csr-app at " + csrUrl + " could not be reached (" + e + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException("Interrupted while loading csr-app's index.html.");
        }
    }
}
