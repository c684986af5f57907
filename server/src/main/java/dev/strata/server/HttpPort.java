package dev.strata.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The HTTP port, checked before Spring Boot starts so that a port in use is one line, not a failure report. */
final class HttpPort {

    private HttpPort() {
    }

    static void requireFree(String bind, int port) {
        if (port == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(bind, port));
        } catch (BindException e) {
            throw inUse(bind, port);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); check --bind and --port");
        }
    }

    static IllegalArgumentException inUse(String bind, int port) {
        return new IllegalArgumentException("port " + port + " on " + bind + " is already in use (another Strata, "
                + "or another program); choose a free one with --port N");
    }

    static boolean isPortInUse(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BindException || c.getClass().getSimpleName().equals("PortInUseException")) return true;
            if (c.getCause() == c) break;
        }
        return false;
    }
}
