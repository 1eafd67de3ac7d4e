package io.authbench.harness.link;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The loopback server {@link LinkCalibrator} measures against. One connection may carry any sequence of commands,
 * each one byte followed by its argument:
 * <ul>
 *   <li>{@code 'P'}: ping, answered with {@code 'P'};</li>
 *   <li>{@code 'D'} + 8-byte length: download, answered with that many bytes;</li>
 *   <li>{@code 'U'} + 8-byte length + that many bytes: upload, answered with {@code 'U'} once all have arrived.</li>
 * </ul>
 */
final class CalibrationServer implements Closeable {

    static final int PING = 'P';
    static final int DOWNLOAD = 'D';
    static final int UPLOAD = 'U';

    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private CalibrationServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "link-calibration-server-accept");
        this.acceptor.setDaemon(true);
    }

    static CalibrationServer start() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CalibrationServer server = new CalibrationServer(listener);
        server.acceptor.start();
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread handler = new Thread(() -> serve(socket), "link-calibration-server-conn");
                handler.setDaemon(true);
                handlers.add(handler);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] block = new byte[64 * 1024];
            while (true) {
                int command = in.read();
                if (command < 0) {
                    return;
                }
                switch (command) {
                    case PING -> out.write(PING);
                    case DOWNLOAD -> {
                        for (long left = in.readLong(); left > 0; left -= block.length) {
                            out.write(block, 0, (int) Math.min(block.length, left));
                        }
                    }
                    case UPLOAD -> {
                        for (long left = in.readLong(); left > 0; ) {
                            int n = in.read(block, 0, (int) Math.min(block.length, left));
                            if (n < 0) {
                                throw new EOFException();
                            }
                            left -= n;
                        }
                        out.write(UPLOAD);
                    }
                    default -> {
                        return; // not our client
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // The client went away or the server is closing; nothing to answer.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        try {
            acceptor.join(5_000);
            for (Thread handler : handlers) {
                handler.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
