package io.authbench.serverbench.jmh;

import java.io.IOException;

/** A child for the profiler test: {@code busy} spins, {@code idle} sleeps; prints {@code ready}; exits when stdin closes. */
public final class Spinner {
    public static void main(String[] args) {
        boolean busy = args.length > 0 && args[0].equals("busy");
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // until end-of-file
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
                sink += sink * 31 + 7;
            } else {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        System.out.println(sink);
    }
}
