package io.authbench.harness.stack;

import io.authbench.harness.transport.RunTls;
import io.authbench.support.process.ServerProcess;
import io.authbench.support.process.ServerSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a bundled app from its shaded jar: ssr-app with the app→Appwrite link and the API key in its environment,
 * csr-app with the browser→Appwrite link (its page calls Appwrite) and no key. Both print {@code LISTENING <url>}.
 * Over HTTPS each serves its own certificate, and ssr-app verifies Appwrite's against the run's root
 * ({@code --appwrite-ca}); verification is never turned off.
 *
 * @param ssr true for ssr-app, false for csr-app
 * @param jar the app's shaded jar
 */
public record BundledLauncher(boolean ssr, Path jar) implements AppLauncher {

    @Override
    public ServerProcess start(Context context) {
        URI appwrite = ssr ? context.appwriteForServer() : context.appwriteForBrowser();
        List<String> args = new ArrayList<>(List.of(
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--appwrite-endpoint",
                appwrite.toString(),
                "--project",
                context.projectId(),
                "--upstream-timeout",
                Stack.UPSTREAM_TIMEOUT));
        if (context.tls() != null) {
            args.addAll(context.tls().serverArguments(ssr ? RunTls.SSR_APP : RunTls.CSR_APP));
            if (ssr) {
                args.addAll(
                        List.of("--appwrite-ca", context.tls().caCertificate().toString()));
            }
        }
        ServerSpec spec = ServerSpec.javaJar(
                        (ssr ? "ssr-app" : "csr-app") + "." + context.profileName(), Stack.CHILD_JVM_OPTIONS, jar, args)
                .withEnvironment(ssr ? Map.of(Stack.APP_KEY_ENV, context.apiKey()) : Map.of())
                .withStartTimeout(context.startTimeout());
        return ServerProcess.start(context.cpuSets().forServer(spec), context.logDir());
    }
}
