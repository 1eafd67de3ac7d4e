package io.authbench.support.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What to start as a child server process and how long it may take to become ready.
 *
 * <p>By default the child must print {@code LISTENING <base-url>} on stdout once it accepts requests
 * (docs/CONVENTIONS.md); {@link #withReadiness} accepts another sign (a log line, an HTTP answer). Start one with {@link ServerProcess#start(ServerSpec, Path)}.
 *
 * @param name             short name used in messages and log file names ({@code <name>.stdout.log}); letters,
 *                         digits, {@code . _ -} only
 * @param command          the full command line, executable first
 * @param environment      variables added to (or replacing those of) this JVM's environment; values may be
 *                         secrets, so {@link #toString()} shows only the names
 * @param workingDirectory the child's working directory
 * @param startTimeout     how long to wait for readiness before the child is killed
 * @param readiness        how the child shows it is ready (default: the {@code LISTENING <url>} line)
 */
public record ServerSpec(
        String name,
        List<String> command,
        Map<String, String> environment,
        Path workingDirectory,
        Duration startTimeout,
        Readiness readiness) {

    /** Enough for a JVM server to start on a busy 2-core machine; override with {@link #withStartTimeout}. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public ServerSpec {
        Objects.requireNonNull(name, "name");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Server name '" + name
                    + "' is not usable as a log file name: use letters, digits, '.', '_' or '-'.");
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException(
                    "Server '" + name + "' has an empty command: give at least the executable.");
        }
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath();
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "Server '" + name + "' start timeout must be positive, was " + startTimeout + ".");
        }
        readiness = readiness == null ? Readiness.listeningLine() : readiness;
    }

    /** Without a readiness: the {@code LISTENING <url>} line. */
    public ServerSpec(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workingDirectory,
            Duration startTimeout) {
        this(name, command, environment, workingDirectory, startTimeout, Readiness.listeningLine());
    }

    /** A child started with an arbitrary command, in the current directory, with the default timeout. */
    public static ServerSpec of(String name, List<String> command) {
        return new ServerSpec(name, command, Map.of(), Path.of(""), DEFAULT_START_TIMEOUT);
    }

    /** {@code java -jar <jar> <args>} on the JVM running this code. */
    public static ServerSpec javaJar(String name, Path jar, List<String> args) {
        return javaJar(name, List.of(), jar, args);
    }

    /** {@code java <jvmOptions> -jar <jar> <args>} on the JVM running this code. */
    public static ServerSpec javaJar(String name, List<String> jvmOptions, Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        return of(name, command);
    }

    /**
     * {@code java -cp <classpath> <mainClass> <args>} on the JVM running this code. In tests, pass
     * {@link TestClasspath#current()} so the child sees the same classes as the test.
     */
    public static ServerSpec javaMain(String name, String classpath, String mainClass, List<String> args) {
        return javaMain(name, List.of(), classpath, mainClass, args);
    }

    /** {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} on the JVM running this code. */
    public static ServerSpec javaMain(
            String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return of(name, command);
    }

    /** A copy with these variables added to the environment (later values win). */
    public ServerSpec withEnvironment(Map<String, String> additions) {
        Map<String, String> merged = new TreeMap<>(environment);
        merged.putAll(additions);
        return new ServerSpec(name, command, merged, workingDirectory, startTimeout, readiness);
    }

    /** A copy that runs {@code newCommand} (executable first) instead. */
    public ServerSpec withCommand(List<String> newCommand) {
        return new ServerSpec(name, newCommand, environment, workingDirectory, startTimeout, readiness);
    }

    public ServerSpec withWorkingDirectory(Path directory) {
        return new ServerSpec(name, command, environment, directory, startTimeout, readiness);
    }

    public ServerSpec withStartTimeout(Duration timeout) {
        return new ServerSpec(name, command, environment, workingDirectory, timeout, readiness);
    }

    /** A copy that counts as ready as {@code ready} says (a log line, an HTTP answer) instead of the LISTENING line. */
    public ServerSpec withReadiness(Readiness ready) {
        return new ServerSpec(name, command, environment, workingDirectory, startTimeout, ready);
    }

    /** Shows the environment's names only: values may be API keys. */
    @Override
    public String toString() {
        return "ServerSpec[name=" + name + ", command=" + command + ", environment="
                + new TreeMap<>(environment).keySet() + ", workingDirectory=" + workingDirectory + ", startTimeout="
                + startTimeout + ", readiness=" + readiness.kind() + "]";
    }
}
