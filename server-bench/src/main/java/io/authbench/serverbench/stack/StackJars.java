package io.authbench.serverbench.stack;

import io.authbench.serverbench.ServerBenchException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The three servers' shaded jars (built by their modules' {@code package} phase). */
public record StackJars(Path emulatorJar, Path ssrJar, Path csrJar) {

    /** The jars where a reactor build leaves them, under the project root. */
    public static StackJars inProject(Path projectRoot) {
        return new StackJars(
                projectRoot.resolve("appwrite-emulator/target/appwrite-emulator.jar"),
                projectRoot.resolve("ssr-app/target/ssr-app.jar"),
                projectRoot.resolve("csr-app/target/csr-app.jar"));
    }

    /** @throws ServerBenchException naming the first missing jar and how to build it */
    public StackJars requireExisting() {
        check("appwrite-emulator", emulatorJar, "--emulator-jar");
        check("ssr-app", ssrJar, "--ssr-jar");
        check("csr-app", csrJar, "--csr-jar");
        return this;
    }

    private static void check(String module, Path jar, String flag) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new ServerBenchException(module + " jar not found at " + jar + ". Build it with `mvn -q -B -pl "
                    + module + " package -DskipTests` or point " + flag + " at it.");
        }
    }
}
