package io.authbench.harness.stack;

import io.authbench.harness.transport.RunTls;
import io.authbench.support.process.CpuSets;
import io.authbench.support.process.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts one app of a profile behind the links: a bundled app ({@link BundledLauncher}) or a target file's
 * {@code start} command ({@link CommandLauncher}). {@link Stack#startProfile} calls it once the Appwrite links exist,
 * then puts the browser→app link in front of the app's URL.
 */
public interface AppLauncher {

    /**
     * What an app is started with.
     *
     * @param profileName        the profile, for the process's (and its log files') name
     * @param appwriteForServer  Appwrite's API base for the app's server: the app→Appwrite link
     * @param appwriteForBrowser Appwrite's API base for the app's pages: the browser→Appwrite link
     * @param projectId          the Appwrite project
     * @param apiKey             the API key: only ever passed through the environment
     * @param startTimeout       the run's default for becoming ready
     * @param logDir             where its stdout and stderr logs go
     * @param tls                the run's certificates when the app must serve HTTPS ({@code --transport=https});
     *                           null = plain HTTP
     * @param cpuSets            the run's CPU sets: the app is started on {@code cpuSets.servers()} (null = off)
     */
    record Context(
            String profileName,
            URI appwriteForServer,
            URI appwriteForBrowser,
            String projectId,
            String apiKey,
            Duration startTimeout,
            Path logDir,
            RunTls tls,
            CpuSets cpuSets) {
        public Context {
            cpuSets = cpuSets == null ? CpuSets.off() : cpuSets;
        }

        @Override
        public String toString() { // never the key
            return "Context[" + profileName + ", " + appwriteForServer + ", " + appwriteForBrowser + ", " + projectId
                    + "]";
        }
    }

    /** Starts the app and returns once it is ready; its URL is where it answers on loopback (no link). */
    ServerProcess start(Context context);

    /** The browser→app link's port this app needs; 0 = any free port. */
    default int pinnedAppPort() {
        return 0;
    }

    /** The browser→Appwrite link's port this app's pages need; 0 = any free port. */
    default int pinnedAppwritePort() {
        return 0;
    }
}
