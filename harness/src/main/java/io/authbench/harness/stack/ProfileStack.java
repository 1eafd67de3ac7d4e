package io.authbench.harness.stack;

import io.authbench.harness.http.ClientTrust;
import io.authbench.harness.link.LinkProxy;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.support.process.ServerDiedException;
import io.authbench.support.process.ServerProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apps and links of one profile: the SSR and CSR apps (and, in a four-variant run, the two Next.js apps), each
 * behind its own browser→app link, plus the browser→Appwrite and app→Appwrite links. Closing it stops the apps and
 * the links (not the emulator).
 */
public final class ProfileStack implements AutoCloseable {
    /** Key of the SSR app (the bundled one, or a launched target standing in for it). */
    public static final String SSR = "ssr";
    /** Key of the CSR app. */
    public static final String CSR = "csr";

    private final NetworkProfile profile;
    private final Endpoints endpoints;
    private final Map<String, ServerProcess> apps;
    private final Map<String, LinkProxy> appLinks;
    private final LinkProxy browserAppwrite;
    private final LinkProxy appAppwrite;
    private final Set<Integer> appwritePorts;
    private final ClientTrust clientTrust;

    /**
     * @param apps     the started apps by key, in start order; {@link #SSR} and {@link #CSR} among them
     * @param appLinks each app's browser→app link, same keys
     * @param clientTrust what the harness's own clients of these apps trust (the run's authority over HTTPS)
     */
    ProfileStack(
            NetworkProfile profile,
            Endpoints endpoints,
            Map<String, ServerProcess> apps,
            Map<String, LinkProxy> appLinks,
            LinkProxy browserAppwrite,
            LinkProxy appAppwrite,
            Set<Integer> appwritePorts,
            ClientTrust clientTrust) {
        if (!apps.containsKey(SSR) || !apps.containsKey(CSR) || !apps.keySet().equals(appLinks.keySet())) {
            throw new IllegalArgumentException("an SSR and a CSR app, each with its link; got " + apps.keySet()
                    + " and links " + appLinks.keySet());
        }
        this.profile = profile;
        this.endpoints = endpoints;
        this.apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
        this.appLinks = Collections.unmodifiableMap(new LinkedHashMap<>(appLinks));
        this.browserAppwrite = browserAppwrite;
        this.appAppwrite = appAppwrite;
        this.appwritePorts = Set.copyOf(appwritePorts);
        this.clientTrust = clientTrust;
    }

    /** What the harness's own requests to these apps (readiness, warm-up, liveness) trust. */
    public ClientTrust clientTrust() {
        return clientTrust;
    }

    public NetworkProfile profile() {
        return profile;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public ServerProcess ssr() {
        return apps.get(SSR);
    }

    public ServerProcess csr() {
        return apps.get(CSR);
    }

    /** The app with this key; null if the profile has none. */
    public ServerProcess app(String key) {
        return apps.get(key);
    }

    /** The keys of the apps, in start order. */
    public Set<String> appKeys() {
        return apps.keySet();
    }

    /** Every link, for shaping: each app's browser→app link, browser→Appwrite, app→Appwrite. */
    public List<LinkProxy> links() {
        List<LinkProxy> links = new ArrayList<>(appLinks.values());
        links.add(browserAppwrite);
        links.add(appAppwrite);
        return links;
    }

    public LinkProxy browserSsrLink() {
        return appLinks.get(SSR);
    }

    public LinkProxy browserCsrLink() {
        return appLinks.get(CSR);
    }

    public LinkProxy browserAppwriteLink() {
        return browserAppwrite;
    }

    public LinkProxy appAppwriteLink() {
        return appAppwrite;
    }

    /**
     * Ports at which the browser reaches Appwrite: the browser→Appwrite link's, or an external https endpoint's own
     * port (the links cannot carry TLS for another host name; see {@code Stack}).
     */
    public Set<Integer> appwritePorts() {
        return appwritePorts;
    }

    /** Browser-side ports of the app links. */
    public Set<Integer> appPorts() {
        Set<Integer> ports = new LinkedHashSet<>();
        appLinks.values().forEach(link -> ports.add(link.port()));
        return ports;
    }

    /** Throws {@link ChildDiedException} naming the first app that is no longer running, with its log tail. */
    public void checkAlive() {
        for (ServerProcess app : apps.values()) {
            try {
                app.checkAlive();
            } catch (ServerDiedException e) {
                throw new ChildDiedException(app.name(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(List.of(appAppwrite, browserAppwrite));
        all.addAll(apps.values());
        all.addAll(appLinks.values());
        Stack.closeAll(all);
    }
}
