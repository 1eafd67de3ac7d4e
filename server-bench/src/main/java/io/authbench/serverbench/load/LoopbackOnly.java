package io.authbench.serverbench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The load generator only ever targets this machine: a load test aimed elsewhere would be an attack. */
public final class LoopbackOnly {
    private LoopbackOnly() {}

    /**
     * @throws IllegalArgumentException naming the URL if its host is not a loopback address
     */
    public static URI require(URI url) {
        String host = url.getHost();
        try {
            if (host != null && InetAddress.getByName(host).isLoopbackAddress()) {
                return url;
            }
        } catch (UnknownHostException e) {
            // fall through to the refusal below
        }
        throw new IllegalArgumentException("Refusing to send load to " + url.getScheme() + "://" + host
                + (url.getPort() >= 0 ? ":" + url.getPort() : "") + ": the load generator only targets loopback"
                + " addresses (127.0.0.1, localhost). Run the servers on this machine.");
    }
}
