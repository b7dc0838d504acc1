package org.caseshare.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * What answers on the SMTP port the application is configured with: nothing (connections refused), a
 * server that accepts connections and never says a word, or GreenMail, a real SMTP server.
 */
final class SmtpStandIn implements AutoCloseable {

    private final int port;
    private ServerSocket hung;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private GreenMail greenMail;

    SmtpStandIn() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Accepts every connection and never answers: the mail server that stalls its clients. */
    void hang() throws IOException {
        close();
        hung = new ServerSocket();
        hung.setReuseAddress(true);
        hung.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(() -> {
            while (!hung.isClosed()) {
                try {
                    held.add(hung.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "hung-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Waits until the silent server has been connected to (a wait, with a limit, not an assertion of speed). */
    void awaitConnection() throws InterruptedException {
        for (int attempt = 0; attempt < 600 && held.isEmpty(); attempt++) {
            Thread.sleep(100);
        }
    }

    /** A real SMTP server on the port. */
    GreenMail greenMail() {
        close();
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // A setup made here does not read -Dgreenmail.startup.timeout; its 2 s default is too short on a loaded machine (ci5).
        setup.setServerStartupTimeout(30_000);
        greenMail = new GreenMail(setup);
        greenMail.start();
        return greenMail;
    }

    /** Nothing on the port: connections are refused. */
    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
        if (hung != null) {
            try {
                hung.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            held.clear();
            hung = null;
        }
    }
}
