package io.authbench.harness.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** A real TCP server on loopback port 0 that runs a handler per connection; the tests' far end of a link. */
final class TcpTestServer implements AutoCloseable {

    interface Handler {
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** What handlers threw, for tests that expect the server side to see an error. */
    final LinkedBlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    private TcpTestServer(ServerSocket listener, Handler handler) {
        this.listener = listener;
        this.acceptor = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try {
                            Socket socket = listener.accept();
                            socket.setTcpNoDelay(true);
                            socket.setSoTimeout(10_000);
                            sockets.add(socket);
                            Thread worker = new Thread(
                                    () -> {
                                        try {
                                            handler.handle(socket);
                                        } catch (Throwable t) {
                                            failures.add(t);
                                        }
                                    },
                                    "test-server-worker");
                            workers.add(worker);
                            worker.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "test-server-accept");
        acceptor.start();
    }

    static TcpTestServer start(Handler handler) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new TcpTestServer(listener, handler);
    }

    /** Echoes every byte back until the client closes, then closes. */
    static TcpTestServer echo() throws IOException {
        return start(socket -> {
            try (socket) {
                socket.getInputStream().transferTo(socket.getOutputStream());
            }
        });
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        acceptor.join(5_000);
        for (Thread worker : workers) {
            worker.join(5_000);
        }
    }
}
