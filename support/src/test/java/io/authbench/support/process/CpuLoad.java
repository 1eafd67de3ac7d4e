package io.authbench.support.process;

import java.io.IOException;

/**
 * A child for {@code ProcessCpuTest}: {@code busy} spins one thread, {@code idle} sleeps. Prints {@code ready}, then
 * runs until its stdin closes (the test's end) or 60 s pass, so it never outlives a crashed test for long.
 */
public final class CpuLoad {
    public static void main(String[] args) throws Exception {
        boolean busy = args.length > 0 && args[0].equals("busy");
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for end-of-file
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.println("ready");
        System.out.flush();
        long end = System.nanoTime() + 60_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < end) {
            if (busy) {
                for (int i = 0; i < 1_000_000; i++) {
                    sink += i ^ (sink >>> 3);
                }
            } else {
                Thread.sleep(100);
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
