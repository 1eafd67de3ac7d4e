package io.authbench.ssr;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.ssr.appwrite.ApiKey;
import io.authbench.ssr.http.InjectedDelay;
import io.authbench.ssr.session.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --inject-delay} on a real (in-process) server: the named path waits and says so in its Server-Timing, other
 * paths are untouched. {@code /dashboard} without a cookie answers 303 without calling Appwrite, so no Appwrite is
 * needed (the endpoint is a closed port).
 */
class InjectedDelayServerTest {
    private static final Pattern ENTRY = Pattern.compile("injected-delay;dur=([0-9.]+);desc=\"--inject-delay\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void the_named_path_waits_and_says_so_in_server_timing_other_paths_do_not() throws Exception {
        List<String> log = new ArrayList<>();
        try (SsrServer server =
                SsrServer.start(config(List.of(new InjectedDelay("/dashboard", Duration.ofMillis(50)))), log::add)) {
            HttpResponse<String> dashboard = get(server, "/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(303);
            List<String> timing = dashboard.headers().allValues("Server-Timing");
            assertThat(timing).hasSize(1);
            Matcher entry = ENTRY.matcher(timing.get(0));
            assertThat(entry.matches()).as(timing.get(0)).isTrue();
            // The measured wait: a sleep of 50 ms lasts at least 50 ms (this is the option's meaning, not a speed).
            assertThat(Double.parseDouble(entry.group(1))).isGreaterThanOrEqualTo(50.0);

            for (String other : List.of("/login", "/dashboard/", "/profile", "/")) {
                assertThat(get(server, other).headers().allValues("Server-Timing"))
                        .as(other)
                        .isEmpty();
            }
            assertThat(log)
                    .containsExactly("--inject-delay: every request for /dashboard waits 50 ms before it is handled"
                            + " (a deliberate slowdown)");
        }
    }

    @Test
    void without_the_option_no_request_waits_or_carries_the_entry() throws Exception {
        List<String> log = new ArrayList<>();
        try (SsrServer server = SsrServer.start(config(List.of()), log::add)) {
            HttpResponse<String> dashboard = get(server, "/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(303);
            assertThat(dashboard.headers().allValues("Server-Timing")).isEmpty();
            assertThat(log).isEmpty();
        }
    }

    private HttpResponse<String> get(SsrServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.url().resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SsrConfig config(List<InjectedDelay> delays) {
        return new SsrConfig(
                "127.0.0.1",
                0,
                URI.create("http://127.0.0.1:9/v1"),
                "authbench",
                new ApiKey("standard_test"),
                Duration.ofSeconds(5),
                false,
                CookiePolicy.AUTO,
                null,
                null,
                delays);
    }
}
