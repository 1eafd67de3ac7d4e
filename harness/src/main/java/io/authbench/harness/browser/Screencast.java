package io.authbench.harness.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a page showed, frame by frame, through CDP {@code Page.startScreencast}: Chromium sends a small JPEG
 * each time the page's compositor produces a new frame (nothing while the screen does not change), stamped with the
 * frame's swap time. Chosen over screenshots at fixed times because a screenshot is a round trip that blocks the
 * harness thread and forces a capture in the middle of the measured interval; the screencast is pushed by the
 * browser and costs a small JPEG encode per changed frame (its measured impact:
 * docs/measurements.md#2026-11-27--filmstrip-screencast-on-and-off-harness).
 *
 * <p>Frames are kept in memory as the base64 text CDP delivers (decoding is left to whoever keeps them). Each frame
 * is acknowledged at once: Chromium sends the next one only after the previous one was acknowledged. Not
 * thread-safe: like the rest of Playwright's Java API, events arrive on the thread that calls Playwright.
 */
public final class Screencast {
    /** Small frames: enough to see what the user saw, cheap to encode and to keep (≈ 5–15 kB each). */
    static final int MAX_WIDTH = 480;

    static final int MAX_HEIGHT = 360;
    static final int JPEG_QUALITY = 50;

    /**
     * One frame.
     *
     * @param epochMs   when Chromium swapped the frame to the screen, epoch milliseconds (same clock as the action)
     * @param jpegBase64 the JPEG image, base64 as CDP sends it
     */
    public record Frame(double epochMs, String jpegBase64) {}

    private final CDPSession cdp;
    private final List<Frame> frames = new ArrayList<>();
    private boolean running;

    private Screencast(CDPSession cdp) {
        this.cdp = cdp;
    }

    /** Starts the screencast of the page {@code cdp} is attached to. */
    public static Screencast start(CDPSession cdp) {
        Screencast screencast = new Screencast(cdp);
        cdp.on("Page.screencastFrame", screencast::onFrame);
        JsonObject params = new JsonObject();
        params.addProperty("format", "jpeg");
        params.addProperty("quality", JPEG_QUALITY);
        params.addProperty("maxWidth", MAX_WIDTH);
        params.addProperty("maxHeight", MAX_HEIGHT);
        params.addProperty("everyNthFrame", 1);
        cdp.send("Page.startScreencast", params);
        screencast.running = true;
        return screencast;
    }

    private void onFrame(JsonObject event) {
        JsonObject metadata = event.has("metadata") ? event.getAsJsonObject("metadata") : new JsonObject();
        // timestamp is optional in the protocol; the arrival time is a later, still usable, estimate.
        double epochMs =
                metadata.has("timestamp") ? metadata.get("timestamp").getAsDouble() * 1000 : System.currentTimeMillis();
        frames.add(new Frame(epochMs, event.get("data").getAsString()));
        if (running) {
            JsonObject ack = new JsonObject();
            ack.addProperty("sessionId", event.get("sessionId").getAsInt());
            cdp.send("Page.screencastFrameAck", ack);
        }
    }

    /** Stops the screencast (if the page is still there) and returns the frames in arrival order. */
    public List<Frame> stop() {
        if (running) {
            running = false;
            try {
                cdp.send("Page.stopScreencast");
            } catch (RuntimeException ignored) {
                // the page or browser is already gone; the frames received so far are still good
            }
        }
        return List.copyOf(frames);
    }
}
