package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which server an exchange went to. With the bundled apps the browser reaches every party through its own link proxy
 * on one host name, so a port names a party. Target apps and an external Appwrite may share a port on different hosts
 * (everything on 443), so for them the host counts too ({@link #byOrigin}).
 *
 * @param appPorts            ports of the browser→app links (or of the target apps)
 * @param appwritePorts       ports of the browser→Appwrite link (or of the external Appwrite)
 * @param appAuthorities      {@code host:port} of the apps; empty = decide by port only
 * @param appwriteAuthorities {@code host:port} of Appwrite; empty = decide by port only
 */
public record Destinations(
        Set<Integer> appPorts,
        Set<Integer> appwritePorts,
        Set<String> appAuthorities,
        Set<String> appwriteAuthorities) {

    public Destinations {
        appPorts = Set.copyOf(appPorts);
        appwritePorts = Set.copyOf(appwritePorts);
        appAuthorities = Set.copyOf(appAuthorities);
        appwriteAuthorities = Set.copyOf(appwriteAuthorities);
    }

    /** By port only (each party has its own link port). */
    public Destinations(Set<Integer> appPorts, Set<Integer> appwritePorts) {
        this(appPorts, appwritePorts, Set.of(), Set.of());
    }

    /** By host and port: the parties at {@code apps} and {@code appwrite} (their scheme's port if none is given). */
    public static Destinations byOrigin(Collection<URI> apps, Collection<URI> appwrite) {
        return new Destinations(
                apps.stream().map(Destinations::port).collect(Collectors.toSet()),
                appwrite.stream().map(Destinations::port).collect(Collectors.toSet()),
                apps.stream().map(Destinations::authority).collect(Collectors.toSet()),
                appwrite.stream().map(Destinations::authority).collect(Collectors.toSet()));
    }

    public boolean isApp(Exchange exchange) {
        return appAuthorities.isEmpty()
                ? appPorts.contains(exchange.port())
                : appAuthorities.contains(authority(exchange));
    }

    public boolean isAppwrite(Exchange exchange) {
        return appwriteAuthorities.isEmpty()
                ? appwritePorts.contains(exchange.port())
                : appwriteAuthorities.contains(authority(exchange));
    }

    private static String authority(Exchange exchange) {
        try {
            return authority(URI.create(exchange.url()));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String authority(URI uri) {
        return (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0
                ? uri.getPort()
                : "https".equals(uri.getScheme()) ? 443 : "http".equals(uri.getScheme()) ? 80 : -1;
    }
}
