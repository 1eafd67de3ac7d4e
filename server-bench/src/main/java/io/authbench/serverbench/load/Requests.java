package io.authbench.serverbench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** Sends one request of a page view and turns every way it can fail into a {@link PageViewFailure}. */
final class Requests {
    private Requests() {}

    /**
     * Like {@link #send}, and the (decompressed) body must contain {@code marker}: for a page that answers 200 even
     * when its Appwrite call failed (a Next.js page cannot choose its status), so that such a page counts as failed.
     */
    static void sendExpecting(HttpClient client, HttpRequest request, int status, String marker, String label)
            throws PageViewFailure, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw Failures.classify(label, e);
        }
        if (response.statusCode() != status) {
            throw new PageViewFailure(
                    ErrorKind.HTTP_STATUS, label + " answered " + response.statusCode() + ", expected " + status);
        }
        String body;
        try {
            body = Bodies.text(response);
        } catch (IOException e) {
            throw new PageViewFailure(
                    ErrorKind.OTHER, label + ": the body could not be decoded (" + e.getMessage() + ")");
        }
        if (!body.contains(marker)) {
            throw new PageViewFailure(
                    ErrorKind.HTTP_STATUS,
                    label + " answered " + status + " without " + marker
                            + " (the page's Appwrite call failed: see the app's log)");
        }
    }

    /** Sends, reads the whole body (as a browser would) and checks the status. Returns the status. */
    static int send(HttpClient client, HttpRequest request, Set<Integer> expected, String label)
            throws PageViewFailure, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw Failures.classify(label, e);
        }
        if (!expected.contains(response.statusCode())) {
            throw new PageViewFailure(
                    ErrorKind.HTTP_STATUS, label + " answered " + response.statusCode() + ", expected " + expected);
        }
        return response.statusCode();
    }
}
