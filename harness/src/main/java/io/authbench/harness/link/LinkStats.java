package io.authbench.harness.link;

/**
 * A snapshot of what has crossed a {@link LinkProxy}.
 *
 * @param connectionsAccepted    connections the proxy accepted from clients since it started
 * @param openConnections        connections accepted and not yet closed
 * @param bytesDown              bytes delivered toward the clients (target → client)
 * @param bytesUp                bytes delivered toward the target (client → target)
 * @param failedUpstreamConnects accepted connections that could not be connected to the target (the client got a reset)
 */
public record LinkStats(
        long connectionsAccepted, int openConnections, long bytesDown, long bytesUp, long failedUpstreamConnects) {}
