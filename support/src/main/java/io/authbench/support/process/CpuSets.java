package io.authbench.support.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Two disjoint sets of CPUs: one for the measuring side (this JVM, which holds the network links, and every process
 * it starts unpinned, above all the browser) and one for the measured servers (the apps and Appwrite). A real user's
 * browser never shares a CPU with the servers; on a small machine without pinning an argon2 hash in Appwrite and a
 * page being laid out in Chromium compete for the same cores.
 *
 * <p>Linux only, through {@code taskset} (util-linux): this JVM's threads are moved with {@code taskset -a -p} (new
 * threads and child processes inherit the mask of the thread that creates them, so the browser launched afterwards
 * runs on the measuring set), and a server is started as {@code taskset -c <set> <command>}, so it never runs a
 * single instruction elsewhere. {@link #pinThisProcess()} returns a handle that puts the old mask back, because the
 * harness also runs inside test JVMs.
 *
 * <p>Syntax ({@link #parse}): {@code off}, {@code auto} (the CPUs this process may use, split in two halves, the
 * first for the measuring side), or {@code MEASURING/SERVERS} with each side a list such as {@code 0}, {@code 0-1} or
 * {@code 0,2}.
 */
public final class CpuSets {
    private static final CpuSets OFF = new CpuSets(List.of(), List.of());
    private static final String SYNTAX = "use off, auto, or MEASURING/SERVERS with CPU lists such as 0/1 or 0-1/2-3";

    private final List<Integer> measuring;
    private final List<Integer> servers;

    private CpuSets(List<Integer> measuring, List<Integer> servers) {
        this.measuring = List.copyOf(measuring);
        this.servers = List.copyOf(servers);
    }

    public static CpuSets off() {
        return OFF;
    }

    /**
     * Reads {@code value} against the CPUs this process may use ({@code allowed}, e.g. from {@link #allowedCpus()}).
     *
     * @throws IllegalArgumentException with a message naming the problem and the accepted forms
     */
    public static CpuSets parse(String value, List<Integer> allowed) {
        String v = value == null ? "" : value.strip();
        String allowedText = allowed.isEmpty() ? "unknown" : list(allowed);
        if (v.equals("off")) {
            return OFF;
        }
        if (v.equals("auto")) {
            if (allowed.size() < 2) {
                throw new IllegalArgumentException("--cpu-sets=auto needs at least two CPUs, but the CPUs this process"
                        + " may use are " + allowedText + "; use --cpu-sets=off");
            }
            int half = allowed.size() / 2;
            return new CpuSets(allowed.subList(0, half), allowed.subList(half, allowed.size()));
        }
        String[] sides = v.split("/", -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException("--cpu-sets='" + v + "' is not understood: " + SYNTAX
                    + " (the CPUs this process may use: " + allowedText + ")");
        }
        List<Integer> measuring = cpuList(sides[0], v, allowedText);
        List<Integer> servers = cpuList(sides[1], v, allowedText);
        for (int cpu : measuring) {
            if (servers.contains(cpu)) {
                throw new IllegalArgumentException("--cpu-sets='" + v + "' gives CPU " + cpu
                        + " to both sides; the two sets must be disjoint, e.g. 0/1");
            }
        }
        for (int cpu : union(measuring, servers)) {
            if (!allowed.contains(cpu)) {
                throw new IllegalArgumentException("--cpu-sets='" + v + "' names CPU " + cpu
                        + ", which this process may not use; it may use " + allowedText);
            }
        }
        return new CpuSets(measuring, servers);
    }

    /** The CPUs this process may run on ({@code Cpus_allowed_list} of {@code /proc/self/status}), in order. */
    public static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return expand(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: no CPU can be named
        }
        return List.of();
    }

    public boolean on() {
        return !measuring.isEmpty();
    }

    public List<Integer> measuring() {
        return measuring;
    }

    public List<Integer> servers() {
        return servers;
    }

    /** The value that reproduces this choice, e.g. {@code 0/1}, or {@code off}. */
    public String option() {
        return on() ? list(measuring) + "/" + list(servers) : "off";
    }

    /** One sentence for results and reports. */
    public String describe() {
        if (!on()) {
            return "off: the harness, the browser and the servers share every CPU";
        }
        return "harness, links and browser on CPU " + list(measuring) + "; apps and Appwrite on CPU " + list(servers)
                + " (taskset)";
    }

    /** {@code spec} started through {@code taskset -c <servers>}; unchanged when off. */
    public ServerSpec forServer(ServerSpec spec) {
        if (!on()) {
            return spec;
        }
        List<String> command = new ArrayList<>(List.of("taskset", "-c", list(servers)));
        command.addAll(spec.command());
        return spec.withCommand(command);
    }

    /**
     * Moves every thread of this JVM to the measuring set; closing the handle moves them back to the CPUs they were
     * allowed before. A no-op handle when off.
     *
     * @throws IllegalStateException if {@code taskset} is missing or refuses, with the fix
     */
    public Pinned pinThisProcess() {
        if (!on()) {
            return new Pinned(null);
        }
        List<Integer> before = allowedCpus();
        long pid = ProcessHandle.current().pid();
        taskset(list(measuring), pid);
        return new Pinned(() -> taskset(list(before), pid));
    }

    /** Undoes {@link #pinThisProcess()} once; closing it again does nothing. */
    public static final class Pinned implements AutoCloseable {
        private final AtomicReference<Runnable> undo;

        private Pinned(Runnable undo) {
            this.undo = new AtomicReference<>(undo);
        }

        @Override
        public void close() {
            Runnable u = undo.getAndSet(null);
            if (u != null) {
                u.run();
            }
        }
    }

    private static void taskset(String cpus, long pid) {
        List<String> command = List.of("taskset", "-a", "-p", "-c", cpus, Long.toString(pid));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 10 s");
            }
            String output = new String(p.getInputStream().readAllBytes()).strip();
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + output + ". Run without --cpu-sets, or on a machine that allows setting CPU affinity.");
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "--cpu-sets needs taskset, which could not be run (" + e.getMessage()
                            + "). Install it (Debian/Ubuntu: sudo apt-get install util-linux) or run without --cpu-sets.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting CPU affinity", e);
        }
    }

    private static List<Integer> cpuList(String text, String whole, String allowedText) {
        try {
            List<Integer> cpus = expand(text.strip());
            if (!cpus.isEmpty()) {
                return cpus;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the whole value
        }
        throw new IllegalArgumentException("--cpu-sets='" + whole + "': '" + text + "' is not a CPU list; " + SYNTAX
                + " (the CPUs this process may use: " + allowedText + ")");
    }

    /**
     * A Linux CPU list as {@code taskset} and {@code /proc/<pid>/status} write it: {@code 0-2,5} → [0, 1, 2, 5].
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static List<Integer> expand(String text) {
        TreeSet<Integer> cpus = new TreeSet<>();
        if (text.isEmpty()) {
            return List.of();
        }
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (!p.matches("\\d{1,4}(-\\d{1,4})?")) {
                throw new IllegalArgumentException(p);
            }
            String[] ends = p.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (to < from) {
                throw new IllegalArgumentException(p);
            }
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return List.copyOf(cpus);
    }

    private static String list(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        TreeSet<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return option();
    }
}
