package io.authbench.harness.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/aa-runs.sh} without a benchmark: its argument checks, and, with a stand-in {@code java} first on the
 * PATH that records its arguments, the commands it runs (defaults, replaced defaults, a seed and a folder per run,
 * then the summary) and what Ctrl-C (here SIGTERM, which the script handles the same way) does to a running run. The
 * real end-to-end check, {@code scripts/aa-runs.sh 2}, needs harness/target/authbench.jar, which does not exist
 * while the harness's tests run; harness/README.md describes it as a manual check.
 */
class AaRunsScriptTest {
    private static final Path SCRIPT =
            Path.of("..", "scripts", "aa-runs.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    private record Result(int code, String output) {}

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        Process process = start(env, args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("script.out"), StandardCharsets.UTF_8));
    }

    /** A {@code java} that appends its arguments as one line to calls.txt, then runs {@code body}. */
    private Map<String, String> fakeJava(String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                %s
                """.formatted(dir.resolve("calls.txt"), body));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(dir.resolve("authbench.jar"), "not a jar");
        return Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "AUTHBENCH_JAR", jar.toString(),
                "AA_RUNS_OUT", dir.resolve("runs").toString(),
                "AA_CALIBRATION", dir.resolve("aa-calibration.json").toString());
    }

    @Test
    void a_bad_count_or_a_missing_jar_is_a_usage_error() throws Exception {
        for (String bad : List.of("0", "101", "abc", "-3")) {
            Result result = run(Map.of(), bad);
            assertThat(result.code()).as(bad).isEqualTo(2);
            assertThat(result.output())
                    .isEqualTo("scripts/aa-runs.sh: '" + bad + "' is not a number of runs from 1 to 100; usage:"
                            + " scripts/aa-runs.sh N [extra 'authbench run' options], N from 1 to 100\n");
        }
        assertThat(run(Map.of()).code()).isEqualTo(2);
        Result noJar = run(Map.of("AUTHBENCH_JAR", dir.resolve("none.jar").toString()), "2");
        assertThat(noJar.code()).isEqualTo(2);
        assertThat(noJar.output()).contains(dir.resolve("none.jar") + " does not exist; build it first");
    }

    @Test
    void runs_use_the_defaults_a_seed_and_a_folder_each_then_the_summary() throws Exception {
        Map<String, String> env = fakeJava("exit 0");

        Result result = run(env, "2", "--pairs=20");

        assertThat(result.code()).as(result.output()).isZero();
        List<String> calls = Files.readAllLines(dir.resolve("calls.txt"));
        String jar = env.get("AUTHBENCH_JAR");
        Path runs = dir.resolve("runs");
        assertThat(calls)
                .containsExactly(
                        "-jar " + jar + " run --quick --profiles=loopback --flows=login --aa-flow=login"
                                + " --server-phase=off --filmstrip=off --seed=20261128 --pairs=20 --out="
                                + runs.resolve("run-001"),
                        "-jar " + jar + " run --quick --profiles=loopback --flows=login --aa-flow=login"
                                + " --server-phase=off --filmstrip=off --seed=20261129 --pairs=20 --out="
                                + runs.resolve("run-002"),
                        calls.get(2));
        assertThat(calls.get(2))
                .startsWith("-jar " + jar + " aa-calibration --out " + dir.resolve("aa-calibration.json")
                        + " --command scripts/aa-runs.sh 2 --pairs=20 (at ")
                .endsWith(runs.resolve("run-001") + " " + runs.resolve("run-002"));
        assertThat(Files.readString(dir.resolve("calls.txt")))
                .contains("run i: authbench run --quick --profiles=loopback --flows=login --aa-flow=login"
                        + " --server-phase=off --filmstrip=off --seed=20261127+i --pairs=20)");
        assertThat(runs.resolve("run-001.log")).exists();
    }

    @Test
    void a_block_option_leaves_out_quick_and_pairs_so_the_runs_are_in_blocks() throws Exception {
        Map<String, String> env = fakeJava("exit 0");

        Result result = run(env, "1", "--min-blocks=3", "--max-blocks=4");

        assertThat(result.code()).as(result.output()).isZero();
        List<String> calls = Files.readAllLines(dir.resolve("calls.txt"));
        assertThat(calls.get(0))
                .isEqualTo("-jar " + env.get("AUTHBENCH_JAR") + " run --profiles=loopback --flows=login"
                        + " --aa-flow=login --server-phase=off --filmstrip=off --seed=20261128 --min-blocks=3"
                        + " --max-blocks=4 --out=" + dir.resolve("runs").resolve("run-001"));
    }

    @Test
    void a_seed_base_gives_a_second_batch_other_seeds_and_a_bad_one_is_a_usage_error() throws Exception {
        Map<String, String> env = new HashMap<>(fakeJava("exit 0"));
        env.put("AA_SEED_BASE", "100");

        Result result = run(env, "2");

        assertThat(result.code()).as(result.output()).isZero();
        List<String> calls = Files.readAllLines(dir.resolve("calls.txt"));
        assertThat(calls.get(0)).contains(" --seed=101 ");
        assertThat(calls.get(1)).contains(" --seed=102 ");
        assertThat(calls.get(2)).contains("--seed=100+i");

        env.put("AA_SEED_BASE", "x1");
        Result bad = run(env, "2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.output()).contains("AA_SEED_BASE='x1' is not a whole number");
    }

    @Test
    void options_that_would_break_the_runs_are_refused() throws Exception {
        Map<String, String> env = fakeJava("exit 0");
        assertThat(run(env, "2", "--out=x").code()).isEqualTo(2);
        assertThat(run(env, "2", "--aa-flow=none").code()).isEqualTo(2);
        assertThat(dir.resolve("calls.txt")).doesNotExist();
    }

    @Test
    void a_stop_signal_ends_the_running_benchmark_and_writes_no_summary() throws Exception {
        // The stand-in benchmark records its pid and then waits, as a long run would.
        Map<String, String> env = fakeJava("echo $$ > \"" + dir.resolve("java.pid") + "\"; exec sleep 300");
        Process script = start(env, "3");
        Path pidFile = dir.resolve("java.pid");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!(Files.exists(pidFile) && !Files.readString(pidFile).isBlank())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        long benchmark = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(benchmark).filter(ProcessHandle::isAlive)).isPresent();

        new ProcessBuilder("kill", "-TERM", Long.toString(script.pid())).start().waitFor();

        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isEqualTo(130);
        assertThat(ProcessHandle.of(benchmark).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("calls.txt"))).hasSize(1); // no second run, no summary
        assertThat(dir.resolve("aa-calibration.json")).doesNotExist();
        assertThat(Files.readString(dir.resolve("script.out")))
                .contains("interrupted; stopping the running benchmark")
                .contains("no summary written");
    }
}
