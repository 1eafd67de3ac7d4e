package io.authbench.harness.link;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the browser-facing links listen and which host name the browser's URLs carry.
 *
 * <p>By default both are loopback: the links listen on 127.0.0.1 and every browser URL is {@code http://localhost:PORT}
 * (one host name for the apps and Appwrite, so their cookies are same-site). A browser on another machine (a
 * Playwright server, a Selenium Grid node) needs links it can reach ({@code --link-host}, e.g. {@code 0.0.0.0} or
 * this machine's LAN address) and a host name that leads back here ({@code --public-host}). The app→Appwrite link
 * and every server stay on loopback whatever is chosen here.
 *
 * <p>With {@code --sites=same|cross} the apps and Appwrite get host names of their own ({@code transport.Sites}),
 * which Chromium maps to the links' address; then {@code publicHost} is the apps' name and {@code appwriteHost}
 * Appwrite's.
 *
 * @param bindAddress  the address the browser→SSR, browser→CSR and browser→Appwrite links listen on
 * @param publicHost   the host name (or IPv4 literal) in the URLs the browser uses for the apps
 * @param appwriteHost the host name in the URLs the browser uses for Appwrite; the public host unless sites are named
 */
public record LinkHosts(InetAddress bindAddress, String publicHost, String appwriteHost) {
    /** Host names and IPv4 literals; IPv6 literals would need brackets in every URL and are not supported. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public static final String DEFAULT_PUBLIC_HOST = "localhost";

    public LinkHosts {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(publicHost, "publicHost");
        Objects.requireNonNull(appwriteHost, "appwriteHost");
    }

    /** One host name for the apps and Appwrite. */
    public LinkHosts(InetAddress bindAddress, String publicHost) {
        this(bindAddress, publicHost, publicHost);
    }

    /** The default: links on loopback, URLs with {@code localhost}. */
    public static LinkHosts loopback() {
        return new LinkHosts(InetAddress.getLoopbackAddress(), DEFAULT_PUBLIC_HOST);
    }

    /** True when the links accept connections from this machine only. */
    public boolean loopbackOnly() {
        return bindAddress.isLoopbackAddress();
    }

    /**
     * Parses {@code --link-host}: an address of this machine, {@code 0.0.0.0} (every IPv4 interface) or a host name
     * that resolves to one.
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static InetAddress parseBindAddress(String text) {
        String host = text.trim();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' cannot be resolved; give an address of this machine such"
                    + " as 127.0.0.1, 0.0.0.0 (all interfaces) or its LAN address.");
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return address;
        }
        try {
            if (NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("'" + host + "' (" + address.getHostAddress() + ") is not an address"
                        + " of this machine; links can only listen on one of its own addresses or 0.0.0.0.");
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException("cannot list this machine's addresses to check '" + host + "' ("
                    + e.getMessage() + "); use 0.0.0.0 or 127.0.0.1.");
        }
        return address;
    }

    /**
     * Parses {@code --public-host}: a host name or an IPv4 literal, without scheme, port or path.
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static String parsePublicHost(String text) {
        String host = text.trim().toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a host name; give a bare host name or IPv4"
                    + " address that the browser's machine resolves to this one (no scheme, port or path), e.g."
                    + " bench-host.lan or 192.168.1.20.");
        }
        return host;
    }

    /** A warning for the console when this setup lets other machines in, or cannot work for a remote browser; or null. */
    public String warning(boolean remoteBrowser) {
        if (!loopbackOnly()) {
            return "links listen on " + bindAddress.getHostAddress()
                    + ", not loopback: anyone who can reach this machine"
                    + " can reach the apps and Appwrite through them while the run lasts. Use it on a trusted network only.";
        }
        if (remoteBrowser && !DEFAULT_PUBLIC_HOST.equals(publicHost) && !isLoopbackName(publicHost)) {
            return "--public-host=" + publicHost
                    + " but the links listen on loopback only: a browser on another machine"
                    + " cannot reach them. Add --link-host=0.0.0.0 (or this machine's address).";
        }
        return null;
    }

    private static boolean isLoopbackName(String host) {
        return host.startsWith("127.") || host.equals("localhost") || host.endsWith(".localhost");
    }
}
