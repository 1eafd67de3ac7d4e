package io.authbench.support.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A child that behaves like the harness: it starts a {@code spawn} FakeServer (which starts a grandchild), prints
 * {@code CHILD <pid>} and {@code GRANDCHILD <pid>}, becomes ready, and waits, so a test can interrupt it like Ctrl-C
 * and check that its shutdown hook left no orphans. Argument: the log folder for its own child.
 */
public final class FakeHarness {
    public static void main(String[] args) throws Exception {
        ServerSpec spec = ServerSpec.javaMain(
                "fake-spawn",
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                TestClasspath.current(),
                FakeServer.class.getName(),
                List.of("spawn"));
        ServerProcess server = ServerProcess.start(spec, Path.of(args[0])); // deliberately never closed
        String grandchild = Files.readAllLines(server.stdoutLog()).get(0);
        System.out.println("CHILD " + server.pid());
        System.out.println(grandchild);
        System.out.println("LISTENING http://127.0.0.1:1");
        Thread.sleep(Long.MAX_VALUE);
    }

    private FakeHarness() {}
}
