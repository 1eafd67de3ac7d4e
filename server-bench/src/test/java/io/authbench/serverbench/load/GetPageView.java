package io.authbench.serverbench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;

/** The simplest page view for tests: one GET that must answer 200. */
final class GetPageView implements PageView {
    private final URI url;

    GetPageView(URI url) {
        this.url = LoopbackOnly.require(url);
    }

    @Override
    public String target() {
        return "GET " + url.getPath();
    }

    @Override
    public void perform(HttpClient client, long sequence, Duration timeout)
            throws PageViewFailure, InterruptedException {
        Requests.send(client, HttpRequest.newBuilder(url).timeout(timeout).GET().build(), Set.of(200), target());
    }
}
