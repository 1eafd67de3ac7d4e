package io.authbench.emulator.bench;

import io.authbench.emulator.crypto.PasswordHasher;
import io.authbench.emulator.crypto.PasswordHashing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The cost of one password hash in each {@code --password-hash} setting: wall time and the hashing thread's CPU time
 * (the CPU figure is what a busy machine cannot inflate). A verify costs the same as a hash.
 *
 * <pre>
 * mvn -q -B -pl appwrite-emulator test-compile
 * java -cp "appwrite-emulator/target/test-classes:appwrite-emulator/target/classes:$(cat cp.txt)" \
 *     io.authbench.emulator.bench.HashCostBenchmark [hashes per setting=10]
 * </pre>
 */
public final class HashCostBenchmark {
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (PasswordHashing setting : PasswordHashing.values()) {
            PasswordHasher hasher = new PasswordHasher(setting);
            for (int i = 0; i < 3; i++) {
                hasher.hash("warm-up-password"); // JIT
            }
            double[] wallMs = new double[count];
            double[] cpuMs = new double[count];
            for (int i = 0; i < count; i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                hasher.hash("password123");
                wallMs[i] = (System.nanoTime() - wall) / 1e6;
                cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
            Arrays.sort(wallMs);
            Arrays.sort(cpuMs);
            System.out.printf("%-8s %-28s wall ms: min %.1f median %.1f max %.1f | CPU ms: min %.1f median %.1f%n",
                    setting.name().toLowerCase(), setting.describe(), wallMs[0], wallMs[count / 2],
                    wallMs[count - 1], cpuMs[0], cpuMs[count / 2]);
        }
    }
}
