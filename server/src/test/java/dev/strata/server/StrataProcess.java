package dev.strata.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as users run it: {@code java -jar server/target/strata-server.jar …}. */
final class StrataProcess implements AutoCloseable {

    final Process process;
    final Path stderr;

    private StrataProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static String jar() {
        String jar = System.getProperty("strata.jar", "target/strata-server.jar");
        if (!Files.exists(Path.of(jar))) throw new IllegalStateException("build the jar first: " + jar);
        return jar;
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static StrataProcess start(String... args) throws IOException {
        Path err = Files.createTempFile("strata-err", ".log");
        Process p = new ProcessBuilder(command(args)).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new StrataProcess(p, err);
    }

    String stderrText() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    void awaitPort(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("server exited: " + stderrText());
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not listen on " + port + ": " + stderrText());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
