package dev.jobsopenapi.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The least any proxy can cost: a loopback relay that copies bytes between a client's connection and one of its
 * own to the upstream, two threads per connection, 256 KiB at a time, no HTTP understood. A floor to measure a
 * proxy against, not a proxy (it has no limits and no deadline).
 */
final class ByteRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ByteRelay(URI upstream) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket();
                    server.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
                    for (Socket socket : List.of(client, server)) {
                        socket.setTcpNoDelay(true);
                        open.add(socket);
                    }
                    copy(client, server);
                    copy(server, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "byte-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private static void copy(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException ended) {
                // one side hung up: the relay of this connection is over
            }
        }, "byte-relay-copy");
        copier.setDaemon(true);
        copier.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
