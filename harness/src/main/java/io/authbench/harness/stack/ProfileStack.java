package io.authbench.harness.stack;

import io.authbench.harness.link.LinkProxy;
import io.authbench.harness.profile.NetworkProfile;
import io.authbench.support.process.ServerDiedException;
import io.authbench.support.process.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The two apps and four links of one profile. Closing it stops the apps and the links (not the emulator). */
public final class ProfileStack implements AutoCloseable {
    private final NetworkProfile profile;
    private final Endpoints endpoints;
    private final ServerProcess ssr;
    private final ServerProcess csr;
    private final LinkProxy browserSsr;
    private final LinkProxy browserCsr;
    private final LinkProxy browserAppwrite;
    private final LinkProxy appAppwrite;
    private final Set<Integer> appwritePorts;

    ProfileStack(NetworkProfile profile, Endpoints endpoints, ServerProcess ssr, ServerProcess csr, LinkProxy browserSsr,
                 LinkProxy browserCsr, LinkProxy browserAppwrite, LinkProxy appAppwrite, Set<Integer> appwritePorts) {
        this.profile = profile;
        this.endpoints = endpoints;
        this.ssr = ssr;
        this.csr = csr;
        this.browserSsr = browserSsr;
        this.browserCsr = browserCsr;
        this.browserAppwrite = browserAppwrite;
        this.appAppwrite = appAppwrite;
        this.appwritePorts = Set.copyOf(appwritePorts);
    }

    public NetworkProfile profile() {
        return profile;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public ServerProcess ssr() {
        return ssr;
    }

    public ServerProcess csr() {
        return csr;
    }

    /** The four links, for calibration: browser→SSR, browser→CSR, browser→Appwrite, app→Appwrite. */
    public List<LinkProxy> links() {
        return List.of(browserSsr, browserCsr, browserAppwrite, appAppwrite);
    }

    public LinkProxy browserSsrLink() {
        return browserSsr;
    }

    public LinkProxy browserCsrLink() {
        return browserCsr;
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
        return Set.of(browserSsr.port(), browserCsr.port());
    }

    /** Throws {@link ChildDiedException} naming the first app that is no longer running, with its log tail. */
    public void checkAlive() {
        for (ServerProcess app : List.of(ssr, csr)) {
            try {
                app.checkAlive();
            } catch (ServerDiedException e) {
                throw new ChildDiedException(app.name(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(List.of(appAppwrite, browserAppwrite, ssr, csr, browserSsr, browserCsr));
        Stack.closeAll(all);
    }
}
