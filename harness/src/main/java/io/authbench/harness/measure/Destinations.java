package io.authbench.harness.measure;

import io.authbench.harness.browser.Exchange;
import java.util.Set;

/**
 * Which server an exchange went to, decided by port: the browser reaches every party through its own link proxy
 * on {@code localhost}, so a port names a party.
 *
 * @param appPorts      ports of the browser→app links
 * @param appwritePorts ports of the browser→Appwrite link
 */
public record Destinations(Set<Integer> appPorts, Set<Integer> appwritePorts) {

    public Destinations {
        appPorts = Set.copyOf(appPorts);
        appwritePorts = Set.copyOf(appwritePorts);
    }

    public boolean isApp(Exchange exchange) {
        return appPorts.contains(exchange.port());
    }

    public boolean isAppwrite(Exchange exchange) {
        return appwritePorts.contains(exchange.port());
    }
}
