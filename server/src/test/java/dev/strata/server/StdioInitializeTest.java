package dev.strata.server;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stdio answers initialize before the MCP server exists; the answer must be the one the SDK server gives, for
 * every protocol version a client may ask for, and must come exactly once.
 */
class StdioInitializeTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String id = "1";

    static String init(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n";
    }

    /** Runs one initialize through a transport and returns every line written. */
    static String[] exchange(String version, boolean early) throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client, 1 << 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        StdioTransport transport = early ? Launcher.openStdio(in, printer)
                : new StdioTransport(Launcher.jsonMapper(), in, printer);
        client.write(init(version).getBytes(StandardCharsets.UTF_8));
        client.flush();
        if (early) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (out.size() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(out.size()).as("answered before the server is built").isPositive();
        }
        var server = Launcher.stdioServer(transport).build();
        client.write("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
        client.flush();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains("\"id\":2") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200); // a second initialize answer, if any, would be written by now
        client.close();
        server.close();
        return out.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }

    @Test
    void theEarlyAnswerIsTheServersAnswerAndComesOnce() throws Exception {
        for (String version : new String[]{"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "1999-01-01"}) {
          for (String requestId : new String[]{"1", "\"init-\\\"1\\\"\"", "9007199254740993"}) {
            id = requestId;
            String[] sdk = exchange(version, false);
            String[] early = exchange(version, true);
            JsonNode expected = JSON.readTree(sdk[0]);
            assertThat(JSON.readTree(early[0])).as(version).isEqualTo(expected);
            assertThat(early).as("one initialize answer, then the ping's").hasSize(2);
            assertThat(JSON.readTree(early[1]).path("id").asInt()).isEqualTo(2);
          }
        }
    }
}
