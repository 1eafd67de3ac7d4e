package io.authbench.harness.link;

import io.authbench.harness.profile.LinkSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures what a link spec really does on this machine: RTT as the median of small ping-pongs, and bandwidth per
 * direction as a timed bulk transfer, both through a fresh {@link LinkProxy} with that spec in front of an internal
 * echo server on loopback.
 *
 * <p>The bulk transfer is sized to take about {@link #transferTime()} at the configured rate (a fixed
 * {@value #UNLIMITED_TRANSFER_BYTES} bytes on an unlimited direction), and every read is bounded by a timeout, so
 * calibrating a link takes roughly {@code pings × RTT + 2 × transferTime} and can never hang.
 */
public final class LinkCalibrator {

    public static final int DEFAULT_PINGS = 15;
    public static final Duration DEFAULT_TRANSFER_TIME = Duration.ofMillis(500);
    /** Bytes moved on an unlimited direction: enough for a stable loopback figure, quick on 2 cores. */
    public static final long UNLIMITED_TRANSFER_BYTES = 16L * 1024 * 1024;
    /** The smallest bulk transfer, so that a very slow link still moves more than a few segments. */
    static final long MIN_TRANSFER_BYTES = 16 * 1024;

    private final int pings;
    private final Duration transferTime;

    /** A calibrator with {@value #DEFAULT_PINGS} pings and transfers of about half a second. */
    public LinkCalibrator() {
        this(DEFAULT_PINGS, DEFAULT_TRANSFER_TIME);
    }

    /**
     * @param pings        round trips whose median is the measured RTT (the first, which pays the handshake, is
     *                     not among them); at least 1
     * @param transferTime how long each bulk transfer should take at the configured rate; positive
     */
    public LinkCalibrator(int pings, Duration transferTime) {
        if (pings < 1) {
            throw new IllegalArgumentException("pings must be at least 1, got " + pings);
        }
        if (transferTime.isNegative() || transferTime.isZero()) {
            throw new IllegalArgumentException("transferTime must be positive, got " + transferTime);
        }
        this.pings = pings;
        this.transferTime = transferTime;
    }

    public int pings() {
        return pings;
    }

    public Duration transferTime() {
        return transferTime;
    }

    /**
     * Calibrates one link.
     *
     * @param name names the link in the result and in messages
     * @throws UncheckedIOException if the measurement fails or times out; the message names the link and the step
     */
    public LinkCalibration calibrate(String name, LinkSpec spec) {
        String step = "starting the calibration server";
        try (CalibrationServer server = CalibrationServer.start();
                LinkProxy link = LinkProxy.start("calibrate-" + name, server.address(), spec)) {
            step = "measuring the round-trip time";
            double rttNanos = medianRtt(link);
            step = "measuring the download rate";
            long down = download(link, transferBytes(spec.downBitsPerSecond()), spec, rttNanos);
            step = "measuring the upload rate";
            long up = upload(link, transferBytes(spec.upBitsPerSecond()), spec, rttNanos);
            return new LinkCalibration(name, spec, rttNanos / 1e6, down, up);
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException(
                    "link " + name + ": calibration timed out while " + step + " (" + spec.describe()
                            + "); is the machine overloaded?",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "link " + name + ": calibration failed while " + step + ": " + e.getMessage(), e);
        }
    }

    private double medianRtt(LinkProxy link) throws IOException {
        try (Socket socket = open(link, readTimeout(link.spec(), 0))) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            ping(in, out); // pays the handshake; not a sample
            long[] samples = new long[pings];
            for (int i = 0; i < pings; i++) {
                long start = System.nanoTime();
                ping(in, out);
                samples[i] = System.nanoTime() - start;
            }
            Arrays.sort(samples);
            return pings % 2 == 1 ? samples[pings / 2] : (samples[pings / 2 - 1] + samples[pings / 2]) / 2.0;
        }
    }

    private long download(LinkProxy link, long bytes, LinkSpec spec, double rttNanos) throws IOException {
        try (Socket socket = open(link, readTimeout(spec, bytes))) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            ping(in, out); // the handshake is not part of the transfer
            long start = System.nanoTime();
            out.writeByte(CalibrationServer.DOWNLOAD);
            out.writeLong(bytes);
            out.flush();
            byte[] buffer = new byte[64 * 1024];
            for (long left = bytes; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the calibration server closed the connection early");
                }
                left -= n;
            }
            return rate(bytes, System.nanoTime() - start, rttNanos);
        }
    }

    private long upload(LinkProxy link, long bytes, LinkSpec spec, double rttNanos) throws IOException {
        try (Socket socket = open(link, readTimeout(spec, bytes))) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            ping(in, out);
            long start = System.nanoTime();
            out.writeByte(CalibrationServer.UPLOAD);
            out.writeLong(bytes);
            byte[] block = new byte[64 * 1024];
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.flush();
            if (in.read() != CalibrationServer.UPLOAD) {
                throw new IOException("the calibration server did not acknowledge the upload");
            }
            return rate(bytes, System.nanoTime() - start, rttNanos);
        }
    }

    /** The transfer's own time is what remains after the round trip that carried the request and the last byte. */
    private static long rate(long bytes, long elapsedNanos, double rttNanos) {
        double transferNanos = Math.max(elapsedNanos - rttNanos, 1_000); // ≥ 1 µs: a guard, not a figure
        return Math.round(bytes * 8 * 1e9 / transferNanos);
    }

    long transferBytes(long bitsPerSecond) {
        if (bitsPerSecond == 0) {
            return UNLIMITED_TRANSFER_BYTES;
        }
        long bytes = (long) (bitsPerSecond / 8.0 * transferTime.toNanos() / 1e9);
        return Math.max(MIN_TRANSFER_BYTES, bytes);
    }

    /** Generous: four times what the model predicts for the whole exchange, and never under 10 s. */
    private static int readTimeout(LinkSpec spec, long bytes) {
        long slowest = Math.min(positiveOr(spec.downBitsPerSecond()), positiveOr(spec.upBitsPerSecond()));
        long expectedMillis = spec.rtt().toMillis() * 2 + bytes * 8 * 1000 / slowest;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(10_000, 4 * expectedMillis));
    }

    private static long positiveOr(long bitsPerSecond) {
        return bitsPerSecond == 0 ? Long.MAX_VALUE / 16 : bitsPerSecond;
    }

    private static Socket open(LinkProxy link, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(link.address(), timeoutMillis);
        return socket;
    }

    private static void ping(DataInputStream in, DataOutputStream out) throws IOException {
        out.writeByte(CalibrationServer.PING);
        out.flush();
        if (in.read() != CalibrationServer.PING) {
            throw new IOException("the calibration server did not answer a ping");
        }
    }
}
