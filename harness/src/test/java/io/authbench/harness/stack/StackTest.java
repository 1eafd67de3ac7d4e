package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.authbench.harness.ServerJars;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real emulator and apps, started from their jars, behind real links. */
class StackTest {
    @TempDir
    static Path logs;

    private static Stack stack;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final NetworkProfile LOOPBACK =
            new NetworkProfile("loopback", "test", LinkSpec.TRANSPARENT, LinkSpec.TRANSPARENT, LinkSpec.TRANSPARENT, 1);

    @BeforeAll
    static void start() {
        stack = Stack.start(new StackConfig(
                ServerJars.emulator(), ServerJars.ssr(), ServerJars.csr(), "authbench", Duration.ofSeconds(60), logs));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("no child process outlives the stack")
                .isEmpty();
    }

    private static int get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .header("Accept", "text/html")
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void both_apps_answer_through_their_links_on_localhost() throws Exception {
        try (ProfileStack profile = stack.startProfile(LOOPBACK)) {
            assertThat(profile.endpoints().ssrBase().getHost()).isEqualTo("localhost");
            assertThat(get(profile.endpoints().ssrBase().resolve("/login"))).isEqualTo(200);
            assertThat(get(profile.endpoints().csrBase().resolve("/login"))).isEqualTo(200);
            assertThat(profile.links()).hasSize(4);
            assertThat(profile.links())
                    .allSatisfy(link ->
                            assertThat(link.stats().connectionsAccepted()).isGreaterThanOrEqualTo(0));
            assertThat(profile.browserSsrLink().stats().connectionsAccepted()).isPositive();
        }
    }

    @Test
    void seeded_users_are_created_through_the_users_api_with_the_generated_key() {
        UserSeeder seeder =
                new UserSeeder(stack.emulatorApi(), stack.projectId(), stack.apiKey(), Duration.ofSeconds(30), "t");
        List<TestUser> users = seeder.create(2);
        assertThat(users).extracting(TestUser::email).doesNotHaveDuplicates();
        assertThat(new EmulatorStats(stack.emulatorApi(), Duration.ofSeconds(5)).apiCalls())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void login_users_after_the_first_are_imported_with_its_hash_and_each_signs_in_with_the_password() throws Exception {
        UserSeeder seeder =
                new UserSeeder(stack.emulatorApi(), stack.projectId(), stack.apiKey(), Duration.ofSeconds(30), "h");
        long createdBefore = routeCount("POST /v1/users");
        long importedBefore = routeCount("POST /v1/users/argon2");

        List<TestUser> users = seeder.create(3);

        assertThat(routeCount("POST /v1/users") - createdBefore)
                .as("users hashed by Appwrite")
                .isEqualTo(1);
        assertThat(routeCount("POST /v1/users/argon2") - importedBefore)
                .as("users imported with that hash")
                .isEqualTo(2);
        for (TestUser user : users) {
            String body = "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}";
            HttpResponse<String> login = HTTP.send(
                    HttpRequest.newBuilder(stack.emulatorApi().resolve("v1/account/sessions/email"))
                            .header("Content-Type", "application/json")
                            .header("X-Appwrite-Project", stack.projectId())
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode())
                    .as("sign-in of " + user.email() + ": " + login.body())
                    .isEqualTo(201);
        }
    }

    /** How often the emulator answered {@code route} (its /_emulator/stats counters). */
    private static long routeCount(String route) throws IOException, InterruptedException {
        HttpResponse<String> stats = HTTP.send(
                HttpRequest.newBuilder(stack.emulatorApi().resolve("/_emulator/stats"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper()
                .readTree(stats.body())
                .path("routes")
                .path(route)
                .path("count")
                .asLong(0);
    }

    @Test
    void a_wrong_api_key_is_a_clear_seeding_error_not_a_hang() {
        UserSeeder seeder =
                new UserSeeder(stack.emulatorApi(), stack.projectId(), "standard_wrong", Duration.ofSeconds(30), "w");
        assertThatThrownBy(() -> seeder.create(1))
                .isInstanceOf(UserSeeder.SeedingException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("user_unauthorized");
    }

    @Test
    void an_app_that_crashes_is_named_with_its_log_tail() throws Exception {
        try (ProfileStack profile = stack.startProfile(LOOPBACK)) {
            ProcessHandle ssr = ProcessHandle.of(profile.ssr().pid()).orElseThrow();
            ssr.destroyForcibly();
            ssr.onExit().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(profile::checkAlive)
                    .isInstanceOf(ChildDiedException.class)
                    .satisfies(e -> assertThat(((ChildDiedException) e).child()).isEqualTo("ssr-app.loopback"))
                    .hasMessageContaining("ssr-app.loopback")
                    .hasMessageContaining("LISTENING");
        }
    }

    @Test
    void the_api_key_is_in_no_log_and_no_command_line() throws Exception {
        try (ProfileStack profile = stack.startProfile(LOOPBACK)) {
            for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
                assertThat(child.info().commandLine().orElse("")).doesNotContain(stack.apiKey());
            }
        }
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                assertThat(Files.readString(log)).doesNotContain(stack.apiKey());
            }
        }
    }
}
