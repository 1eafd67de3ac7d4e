package io.authbench.support.process;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * A tiny child process for the ServerProcess tests; its first argument picks how it misbehaves.
 *
 * <ul>
 *   <li>{@code ready}: listens on a real loopback port, prints {@code LISTENING <url>}, then waits to be stopped</li>
 *   <li>{@code crash}: writes a few lines to stderr and exits with code 3</li>
 *   <li>{@code silent}: prints something, but never its ready line</li>
 *   <li>{@code malformed}: prints {@code LISTENING not-a-url}</li>
 *   <li>{@code ready-then-exit}: becomes ready, then exits with code 7 a moment later</li>
 *   <li>{@code spawn}: starts a {@code silent} grandchild, prints {@code GRANDCHILD <pid>}, then becomes ready</li>
 *   <li>{@code stubborn}: becomes ready, but its shutdown hook never finishes, so only SIGKILL stops it</li>
 * </ul>
 */
public final class FakeServer {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ready" -> {
                try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                    System.err.println("fake server starting");
                    System.out.println("LISTENING http://127.0.0.1:" + socket.getLocalPort());
                    System.out.println("serving requests");
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            case "crash" -> {
                System.out.println("reading configuration");
                for (int i = 1; i <= 25; i++) {
                    System.err.println("stderr line " + i);
                }
                System.err.println("fatal: the configuration file is missing");
                System.exit(3);
            }
            case "silent" -> {
                System.out.println("thinking about it");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "malformed" -> {
                System.out.println("LISTENING not-a-url");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "ready-then-exit" -> {
                System.out.println("LISTENING http://127.0.0.1:1");
                System.out.flush();
                Thread.sleep(300);
                System.err.println("out of memory, giving up");
                System.exit(7);
            }
            case "spawn" -> {
                String java = ProcessHandle.current().info().command().orElseThrow();
                Process grandchild = new ProcessBuilder(List.of(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                FakeServer.class.getName(),
                                "silent"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                System.out.println("GRANDCHILD " + grandchild.pid());
                System.out.println("LISTENING http://127.0.0.1:1");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "stubborn" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    System.out.println("refusing to stop");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                System.out.println("LISTENING http://127.0.0.1:1");
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private FakeServer() {}
}
