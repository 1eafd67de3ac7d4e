package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.ServerJars;
import io.authbench.harness.apps.JitWarmup;
import io.authbench.harness.apptarget.PinnedPorts;
import io.authbench.harness.apptarget.Target;
import io.authbench.harness.apptarget.TargetFile;
import io.authbench.harness.apptarget.TargetSpec;
import io.authbench.harness.http.AppHttp;
import io.authbench.harness.link.LinkHosts;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.profile.LinkSpec;
import io.authbench.harness.profile.NetworkProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launched target: welcome-app (a Node server that drops h2c upgrade requests, as {@code next start} does),
 * started from its target file behind a profile's links, reached through its link over HTTP/1.1, and stopped with
 * nothing left running.
 */
class LaunchedAppTest {
    static final Path WELCOME = Path.of("src/test/node/welcome-app/target.json");
    private static final NetworkProfile LOOPBACK =
            new NetworkProfile("loopback", "test", LinkSpec.TRANSPARENT, LinkSpec.TRANSPARENT, LinkSpec.TRANSPARENT, 1);

    @TempDir
    Path logs;

    @Test
    void welcome_app_is_launched_behind_its_pinned_link_answers_http_1_1_and_leaves_no_process() throws Exception {
        TargetSpec read = TargetFile.readSpec(WELCOME);
        int pinned = freePort();
        TargetSpec spec = new TargetSpec(read.target(), read.start(), new PinnedPorts(pinned, 0));
        long pid;
        try (Stack stack = Stack.start(new StackConfig(
                ServerJars.emulator(),
                ServerJars.ssr(),
                ServerJars.csr(),
                "authbench",
                Duration.ofSeconds(60),
                logs))) {
            try (ProfileStack profile = stack.startProfile(
                    LOOPBACK,
                    LinkHosts.loopback(),
                    new CommandLauncher(spec),
                    new BundledLauncher(false, ServerJars.csr()))) {
                pid = profile.ssr().pid();
                assertThat(profile.ssr().name()).isEqualTo("welcome-app.loopback");
                assertThat(profile.endpoints().ssrBase()).isEqualTo(URI.create("http://localhost:" + pinned));
                URI signin = profile.endpoints().ssrBase().resolve("/signin");

                HttpResponse<String> page = AppHttp.client(Duration.ofSeconds(5))
                        .send(
                                HttpRequest.newBuilder(signin)
                                        .timeout(Duration.ofSeconds(10))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Sign in to Welcome");

                // Why every harness client speaks HTTP/1.1: the JDK's default asks for h2c, and the app hangs up.
                HttpClient jdkDefault = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                assertThatThrownBy(() -> jdkDefault.send(
                                HttpRequest.newBuilder(signin)
                                        .timeout(Duration.ofSeconds(10))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding()))
                        .isInstanceOf(IOException.class);
                // The warm-up (and the liveness probe) get their answers: before, every request failed like that.
                assertThat(JitWarmup.run(List.of(profile.ssr().url().resolve("/")), List.of("signin", "home"), 3))
                        .isEqualTo(6);

                assertThat(Files.readString(logs.resolve("welcome-app.loopback.stdout.log")))
                        .startsWith("ready on http://127.0.0.1:");
                // The key is in the app's environment only, not on its command line.
                String cmdline =
                        Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
                String environ =
                        Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.ISO_8859_1);
                assertThat(cmdline).doesNotContain(stack.apiKey()).contains("server.js");
                assertThat(environ)
                        .contains("APPWRITE_API_KEY=" + stack.apiKey())
                        .contains("APPWRITE_ENDPOINT=" + profile.endpoints().appwriteForSsr())
                        .contains("APPWRITE_PROJECT=authbench");
            }
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("welcome-app stopped with its profile")
                    .isEmpty();
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .as("no child process outlives the stack")
                .isEmpty();
    }

    @Test
    void four_apps_each_get_their_own_link_and_the_harness_adds_its_environment() throws Exception {
        TargetSpec welcome = TargetFile.readSpec(WELCOME);
        Map<String, AppLauncher> launchers = new LinkedHashMap<>();
        launchers.put(ProfileStack.SSR, new BundledLauncher(true, ServerJars.ssr()));
        launchers.put(ProfileStack.CSR, new BundledLauncher(false, ServerJars.csr()));
        Map<String, String> harnessEnvironment = NextjsApps.harnessEnvironment(Stack.APP_UPSTREAM_TIMEOUT);
        for (String key : List.of("next-ssr", "next-csr")) {
            Target t = welcome.target();
            TargetSpec named = new TargetSpec(
                    new Target(
                            key,
                            t.pattern(),
                            t.baseUrl(),
                            t.routes(),
                            t.selectors(),
                            t.sessionCookie(),
                            t.nameMatch(),
                            t.serverPid(),
                            t.source()),
                    welcome.start(),
                    welcome.ports());
            launchers.put(key, new CommandLauncher(named, harnessEnvironment));
        }
        List<Long> pids = new ArrayList<>();
        try (Stack stack = Stack.start(new StackConfig(
                ServerJars.emulator(),
                ServerJars.ssr(),
                ServerJars.csr(),
                "authbench",
                Duration.ofSeconds(60),
                logs))) {
            try (ProfileStack profile = stack.startProfile(LOOPBACK, LinkHosts.loopback(), launchers)) {
                assertThat(profile.appKeys()).containsExactly("ssr", "csr", "next-ssr", "next-csr");
                assertThat(profile.endpoints().apps()).containsOnlyKeys("ssr", "csr", "next-ssr", "next-csr");
                assertThat(profile.appPorts())
                        .as("one browser→app link per app")
                        .hasSize(4);
                assertThat(profile.links())
                        .as("four app links plus the two Appwrite links")
                        .hasSize(6);
                for (String key : List.of("next-ssr", "next-csr")) {
                    long pid = profile.app(key).pid();
                    pids.add(pid);
                    assertThat(profile.app(key).name()).isEqualTo(key + ".loopback");
                    URI signin = profile.endpoints().apps().get(key).resolve("/signin");
                    HttpResponse<String> page = AppHttp.client(Duration.ofSeconds(5))
                            .send(
                                    HttpRequest.newBuilder(signin)
                                            .timeout(Duration.ofSeconds(10))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode())
                            .as(key + " through its own link")
                            .isEqualTo(200);
                    String environ = Files.readString(
                            Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.ISO_8859_1);
                    assertThat(environ).contains("UPSTREAM_TIMEOUT_MS=20000").contains("APPWRITE_PROJECT=authbench");
                }
                assertThat(Files.exists(logs.resolve("next-csr.loopback.stdout.log")))
                        .isTrue();
            }
            assertThat(pids)
                    .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                            .isEmpty());
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
        assertThatThrownBy(() -> new CommandLauncher(welcome, Map.of("APPWRITE_API_KEY", "x")))
                .hasMessageContaining("the API key's variable is the harness's to set");
    }

    @Test
    void a_launched_app_that_dies_is_named_with_its_exit_and_log_tail() throws Exception {
        String file = """
                { "name": "crasher", "pattern": "ssr",
                  "routes": { "login": "/login", "dashboard": "/home", "profile": "/me" },
                  "selectors": { "email": "#e", "password": "#p", "submit": "#s", "userName": "h1", "profileName": "h2",
                                 "profileLink": "a", "logout": "#o", "loginHeading": "h2" },
                  "start": { "command": ["sh", "-c", "echo ready on {host}:{port}; sleep 2; echo boom >&2; exit 3"],
                             "ready": { "logLine": "^ready on" } } }
                """;
        TargetSpec spec = TargetFile.parseSpec(file, "crasher.json", logs);
        try (Stack stack = Stack.start(new StackConfig(
                        ServerJars.emulator(),
                        ServerJars.ssr(),
                        ServerJars.csr(),
                        "authbench",
                        Duration.ofSeconds(60),
                        logs));
                ProfileStack profile = stack.startProfile(
                        LOOPBACK,
                        LinkHosts.loopback(),
                        new CommandLauncher(spec),
                        new BundledLauncher(false, ServerJars.csr()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (profile.ssr().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThatThrownBy(profile::checkAlive)
                    .isInstanceOf(ChildDiedException.class)
                    .hasMessageContaining("crasher.loopback is no longer running: it exited with")
                    .hasMessageContaining("boom");
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .toList())
                .isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
