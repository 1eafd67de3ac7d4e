package io.authbench.serverbench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** Sends one request of a page view and turns every way it can fail into a {@link PageViewFailure}. */
final class Requests {
    private Requests() {
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
            throw new PageViewFailure(ErrorKind.HTTP_STATUS, label + " answered " + response.statusCode()
                    + ", expected " + expected);
        }
        return response.statusCode();
    }
}
