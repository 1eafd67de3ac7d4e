package io.authbench.serverbench.jmh;

import io.authbench.serverbench.ServerBenchException;
import io.authbench.serverbench.stack.CsrPage;
import io.authbench.serverbench.stack.NextCsrPage;
import io.authbench.serverbench.stack.Population;
import io.authbench.serverbench.stack.PopulationUser;
import io.authbench.serverbench.stack.RunningNextApp;
import io.authbench.serverbench.stack.RunningServers;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How JMH's forked JVMs find the already-running servers: a small properties file written by the launcher and named
 * by the system property {@value #PROPERTY} in each fork. It holds the API key and session secrets, so it lives in a
 * private temporary folder (owner-only permissions), never in the run folder, and is deleted after the JMH run.
 */
public final class ForkHandoffFile {
    /** System property naming the file in a fork. */
    public static final String PROPERTY = "authbench.serverbench.stacks";

    private final Properties values;

    private ForkHandoffFile(Properties values) {
        this.values = values;
    }

    /** Writes the file into a new owner-only temporary folder and returns its path. */
    public static Path write(RunningServers targets, Population population, CsrPage csrPage) {
        return write(targets, List.of(), null, population, csrPage);
    }

    /**
     * Also hands over the Next.js apps that run ({@code nextApps}) and, when next-csr runs, its page's script chunks.
     */
    public static Path write(
            RunningServers targets,
            List<RunningNextApp> nextApps,
            NextCsrPage nextCsrPage,
            Population population,
            CsrPage csrPage) {
        Properties p = new Properties();
        for (RunningNextApp app : nextApps) {
            p.setProperty(app.variant() + ".url", app.url().toString());
        }
        if (nextCsrPage != null) {
            p.setProperty("next-csr.scripts", String.join(" ", nextCsrPage.scriptPaths()));
        }
        p.setProperty("appwriteApi", targets.appwriteApi().toString());
        p.setProperty("ssrUrl", targets.ssrUrl().toString());
        p.setProperty("csrUrl", targets.csrUrl().toString());
        p.setProperty("csrOrigin", targets.csrOrigin());
        p.setProperty("projectId", targets.projectId());
        p.setProperty("apiKey", targets.apiKey());
        p.setProperty("csrScript", csrPage.scriptPath());
        List<PopulationUser> viewers = population.pageViewUsers();
        p.setProperty("viewers", Integer.toString(viewers.size()));
        for (int i = 0; i < viewers.size(); i++) {
            p.setProperty("viewer." + i + ".ssrSecret", viewers.get(i).ssrSessionSecret());
        }
        List<PopulationUser> logins = population.loginUsers();
        p.setProperty("logins", Integer.toString(logins.size()));
        for (int i = 0; i < logins.size(); i++) {
            p.setProperty("login." + i + ".email", logins.get(i).email());
            p.setProperty("login." + i + ".password", logins.get(i).password());
        }
        try {
            Path dir = Files.createTempDirectory(
                    "server-bench-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = dir.resolve("targets.properties");
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "server-bench targets for JMH forks; secrets inside, deleted after the run");
            }
            return file;
        } catch (IOException e) {
            throw new ServerBenchException(
                    "Cannot write the JMH target file (" + e.getMessage() + "). Check that the" + " temporary folder "
                            + System.getProperty("java.io.tmpdir") + " is writable.",
                    e);
        }
    }

    /** Deletes the file and its folder; quiet if already gone. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // a leftover owner-only temp file; nothing else to do
        }
    }

    /** Reads the file named by {@value #PROPERTY} (in a JMH fork). */
    public static ForkHandoffFile fromSystemProperty() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            throw new ServerBenchException("-D" + PROPERTY + " is not set: these benchmarks measure running servers."
                    + " Run them through ServerCostPhase or `java -jar server-bench.jar`, which start the servers.");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(path))) {
            p.load(in);
        } catch (IOException e) {
            throw new ServerBenchException("Cannot read the JMH target file " + path + " (" + e.getMessage() + ").", e);
        }
        return new ForkHandoffFile(p);
    }

    private String get(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new ServerBenchException(
                    "The JMH target file lacks '" + key + "'; it was written by another version.");
        }
        return value;
    }

    public URI appwriteApi() {
        return URI.create(get("appwriteApi"));
    }

    public URI ssrUrl() {
        return URI.create(get("ssrUrl"));
    }

    public URI csrUrl() {
        return URI.create(get("csrUrl"));
    }

    public String csrOrigin() {
        return get("csrOrigin");
    }

    public String projectId() {
        return get("projectId");
    }

    public String apiKey() {
        return get("apiKey");
    }

    /**
     * A Next.js app's base URL.
     *
     * @throws ServerBenchException if the app did not run (its benchmarks should not have been selected)
     */
    public URI nextAppUrl(String variant) {
        String url = values.getProperty(variant + ".url");
        if (url == null) {
            throw new ServerBenchException(variant + " is not running in this server phase (it was not asked for or did"
                    + " not start), so its benchmarks cannot run; run them with --nextjs-dir.");
        }
        return URI.create(url);
    }

    /** Whether a Next.js app runs in this phase. */
    public boolean hasNextApp(String variant) {
        return values.getProperty(variant + ".url") != null;
    }

    /** The script chunk paths of next-csr's {@code /dashboard}. */
    public List<String> nextCsrScriptPaths() {
        return List.of(get("next-csr.scripts").split(" "));
    }

    public String csrScriptPath() {
        return get("csrScript");
    }

    public List<String> ssrSecrets() {
        int count = Integer.parseInt(get("viewers"));
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            secrets.add(get("viewer." + i + ".ssrSecret"));
        }
        return secrets;
    }

    /** Login users as {email, password} pairs. */
    public List<String[]> loginCredentials() {
        int count = Integer.parseInt(get("logins"));
        List<String[]> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new String[] {get("login." + i + ".email"), get("login." + i + ".password")});
        }
        return users;
    }
}
