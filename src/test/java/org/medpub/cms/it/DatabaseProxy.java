package org.medpub.cms.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in the test JVM between Payara Micro and the suite's PostgreSQL, so that a test
 * can take the database away and give it back ({@link DatabaseOutageTests}). While cut it
 * black-holes: new connections are accepted and never answered, and what travels on the existing
 * ones is swallowed, as when the database's host or network is gone (the case that only timeouts
 * end). On {@link #restore()} the connections that were black-holed are closed, as the database
 * would have dropped them, and new ones reach the database again.
 */
public final class DatabaseProxy {

    private static volatile DatabaseProxy running;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Socket> blackHoled = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private DatabaseProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "database-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Starts the suite's proxy to the database at host:port; its own port is {@link #port()}. */
    static DatabaseProxy start(String targetHost, int targetPort) {
        try {
            running = new DatabaseProxy(targetHost, targetPort);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the database proxy", e);
        }
    }

    /** The suite's proxy, or null when the suite's database is not behind one (H2, an external database). */
    public static DatabaseProxy running() {
        return running;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Takes the database away: nothing reaches it, nothing comes back, no connection is closed. */
    public void cut() {
        cut = true;
        blackHoled.addAll(sockets);
    }

    /** Gives the database back; the connections black-holed meanwhile are closed. */
    public void restore() {
        cut = false;
        for (Socket socket : blackHoled) {
            close(socket);
        }
        blackHoled.clear();
    }

    void stop() {
        closeQuietly(listener);
        sockets.forEach(socket -> close(socket));
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (cut) {
                    blackHoled.add(client);
                    pump(client, null, client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(server);
                pump(client, server, client);
                pump(server, client, client);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Copies from one socket to the other (to nowhere when null) until either is closed; swallows it all while black-holed. */
    private void pump(Socket from, Socket to, Socket client) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to == null ? null : to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (out != null && !blackHoled.contains(client)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // the other side or restore() closed it
            } finally {
                // a black-holed client is left hanging until restore(); everything else ends with its other side
                for (Socket socket : to == null ? new Socket[] {from} : new Socket[] {from, to}) {
                    if (socket != client || !blackHoled.contains(client) || to == null) {
                        close(socket);
                    }
                }
            }
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }
}
