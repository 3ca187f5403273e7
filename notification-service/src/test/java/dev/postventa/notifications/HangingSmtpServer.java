package dev.postventa.notifications;

import dev.postventa.infra.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP partner that stops answering: while {@link #hang()} is on it accepts every TCP connection and never says a
 * word (a plain {@link ServerSocket}); once {@link #answer()} is called it forwards new connections to a real SMTP
 * server. It counts the hung connections that the client gave up (closed).
 */
public final class HangingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final int targetPort;
    private final AtomicBoolean hanging = new AtomicBoolean(true);
    private final AtomicInteger hungConnections = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    HangingSmtpServer(int port, int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "hanging-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void hang() {
        hanging.set(true);
    }

    public void answer() {
        hanging.set(false);
    }

    /** Connections accepted while hanging. */
    public int hungConnections() {
        return hungConnections.get();
    }

    /** Hung connections the client closed (its read timeout), instead of waiting for ever. */
    public int closedByClient() {
        return closedByClient.get();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (hanging.get()) {
                    hungConnections.incrementAndGet();
                    daemon(() -> holdSilently(client));
                } else {
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    daemon(() -> pump(client, server));
                    daemon(() -> pump(server, client));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Says nothing, reads whatever comes until the client closes. */
    private void holdSilently(Socket client) {
        try (client; InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // an SMTP client waits for the greeting first: nothing should come
            }
            closedByClient.incrementAndGet();
        } catch (IOException e) {
            closedByClient.incrementAndGet();
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "hanging-smtp-connection");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * The one server of the JVM. A test profile and the test itself may be loaded by different class loaders, so the
     * port is agreed through a system property: the profile reserves it ({@link #port(boolean)}), the test binds it.
     */
    public static final class Shared {

        private static final String PORT = "postventa.test.hanging-smtp-port";
        private static HangingSmtpServer server;

        private Shared() {
        }

        /** The agreed port; chosen on first call. */
        public static synchronized int port() {
            String port = System.getProperty(PORT);
            if (port == null) {
                port = String.valueOf(FreePorts.next());
                System.setProperty(PORT, port);
            }
            return Integer.parseInt(port);
        }

        /** The server on the agreed port, in front of the shared test SMTP server. */
        public static synchronized HangingSmtpServer server() {
            if (server == null) {
                try {
                    server = new HangingSmtpServer(port(), dev.postventa.infra.SmtpTestResource.inbox().port());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return server;
        }
    }
}
