package dev.strata.db;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Lets pgjdbc reach PostgreSQL over its Unix-domain socket ({@code host=/var/run/postgresql}) with the JDK's own
 * Unix-domain channels (Java 16+), so no native library is needed. pgjdbc creates it by name from the
 * {@code socketFactory} property with the socket file as {@code socketFactoryArg}, and then uses only plain
 * {@link Socket} calls, which {@link UnixSocket} answers; read timeouts ({@code setSoTimeout}, which pgjdbc and the
 * pool rely on to notice a hung server) are kept with a selector.
 */
public final class UnixSocketFactory extends SocketFactory {

    private final Path socketFile;

    /** @param socketFile e.g. {@code /var/run/postgresql/.s.PGSQL.5432} */
    public UnixSocketFactory(String socketFile) {
        this.socketFile = Path.of(socketFile);
    }

    @Override
    public Socket createSocket() {
        return new UnixSocket(socketFile);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket s = createSocket();
        s.connect(null);
        return s;
    }

    /** A {@link Socket} over a non-blocking Unix-domain channel; the TCP address pgjdbc passes is ignored. */
    static final class UnixSocket extends Socket {
        private final Path socketFile;
        private SocketChannel channel;
        private Selector readSelector;
        private Selector writeSelector;
        private volatile int soTimeout;
        private volatile boolean closed;
        private InputStream in;
        private OutputStream out;

        UnixSocket(Path socketFile) {
            this.socketFile = socketFile;
        }

        @Override
        public void connect(SocketAddress ignored) throws IOException {
            connect(ignored, 0);
        }

        @Override
        public synchronized void connect(SocketAddress ignored, int timeout) throws IOException {
            if (closed) throw new SocketException("Socket is closed");
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                // A Unix-domain connect completes or fails at once (no such file, refused): no timeout needed.
                ch.connect(UnixDomainSocketAddress.of(socketFile));
                ch.configureBlocking(false);
                readSelector = Selector.open();
                writeSelector = Selector.open();
                ch.register(readSelector, SelectionKey.OP_READ);
                ch.register(writeSelector, SelectionKey.OP_WRITE);
            } catch (IOException e) {
                ch.close();
                if (readSelector != null) readSelector.close();
                throw new SocketException("cannot connect to the Unix socket " + socketFile + ": " + e.getMessage());
            }
            channel = ch;
            in = new ChannelInput();
            out = new ChannelOutput();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            if (channel == null) throw new SocketException("Socket is not connected");
            return in;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            if (channel == null) throw new SocketException("Socket is not connected");
            return out;
        }

        private final class ChannelInput extends InputStream {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                int timeout = soTimeout;
                long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000L : 0;
                while (true) {
                    int n = channel.read(buffer);
                    if (n != 0) return n;
                    long wait = 0;
                    if (timeout > 0) {
                        wait = (deadline - System.nanoTime()) / 1_000_000L;
                        if (wait <= 0) throw new SocketTimeoutException("Read timed out");
                    }
                    readSelector.select(wait);
                    readSelector.selectedKeys().clear();
                    if (closed) throw new SocketException("Socket closed");
                }
            }
        }

        private final class ChannelOutput extends OutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    if (channel.write(buffer) == 0) {
                        writeSelector.select(1000);
                        writeSelector.selectedKeys().clear();
                        if (closed) throw new SocketException("Socket closed");
                    }
                }
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) return;
            closed = true;
            if (channel != null) {
                channel.close();
                readSelector.close();
                writeSelector.close();
            }
        }

        @Override
        public boolean isConnected() {
            return channel != null && channel.isConnected();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isBound() {
            return channel != null;
        }

        @Override
        public void shutdownInput() throws IOException {
            if (channel != null) channel.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            if (channel != null) channel.shutdownOutput();
        }

        @Override
        public void setSoTimeout(int timeout) {
            soTimeout = Math.max(0, timeout);
        }

        @Override
        public int getSoTimeout() {
            return soTimeout;
        }

        // TCP options mean nothing on a Unix-domain socket: accepted and ignored.
        @Override
        public void setTcpNoDelay(boolean on) {
        }

        @Override
        public boolean getTcpNoDelay() {
            return true;
        }

        @Override
        public void setKeepAlive(boolean on) {
        }

        @Override
        public boolean getKeepAlive() {
            return false;
        }

        @Override
        public void setSoLinger(boolean on, int linger) {
        }

        @Override
        public int getSoLinger() {
            return -1;
        }

        @Override
        public void setReceiveBufferSize(int size) {
        }

        @Override
        public int getReceiveBufferSize() {
            return 65_536;
        }

        @Override
        public void setSendBufferSize(int size) {
        }

        @Override
        public int getSendBufferSize() {
            return 65_536;
        }

        @Override
        public InetAddress getInetAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }

        @Override
        public int getPort() {
            return 0;
        }

        @Override
        public String toString() {
            return "UnixSocket[" + socketFile + "]";
        }
    }
}
