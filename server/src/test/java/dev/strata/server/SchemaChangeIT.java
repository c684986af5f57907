package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running server notices schema changes made by someone else and tells a real MCP client (the Java SDK) within
 * one poll interval: resources/updated for a subscribed table, list_changed when a table appears, and a log line.
 */
class SchemaChangeIT {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final String DB = "watch_it";
    private static final BlockingQueue<String> updated = new LinkedBlockingQueue<>();
    private static final BlockingQueue<List<McpSchema.Resource>> listChanged = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> logs = new LinkedBlockingQueue<>();
    private static final StringBuffer serverStderr = new StringBuffer();
    private static McpSyncClient client;
    private static DemoDatabase demo;

    @BeforeAll
    static void start() {
        demo = DemoDatabase.shared();
        demo.execute("postgres", "DROP DATABASE IF EXISTS " + DB);
        demo.execute("postgres", "CREATE DATABASE " + DB);
        demo.execute(DB, "CREATE TABLE things (thing_id bigint PRIMARY KEY, name text)");
        List<String> cmd = StrataProcess.command("--url", "postgres://postgres@localhost:" + demo.port() + "/" + DB,
                "--poll-interval", POLL.toMillis() + "ms");
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(cmd.get(0))
                .args(cmd.subList(1, cmd.size())).build(), StdioIT.JSON);
        transport.setStdErrorHandler(line -> serverStderr.append(line).append('\n'));
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .resourcesUpdateConsumer(contents -> contents.forEach(c -> updated.add(c.uri())))
                .resourcesChangeConsumer(listChanged::add)
                .loggingConsumer(m -> logs.add(String.valueOf(m.data())))
                .build();
        client.initialize();
        assertThat(client.getServerCapabilities().resources().subscribe()).isTrue();
        assertThat(client.getServerCapabilities().resources().listChanged()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (client != null) client.closeGracefully();
    }

    @Test
    void changesArriveWithinOnePollInterval() throws Exception {
        // the first describe waits for the catalog; the watcher has its baseline fingerprint after that
        client.callTool(new McpSchema.CallToolRequest("describe_table", java.util.Map.of("table", "things")));
        client.subscribeResource(new McpSchema.SubscribeRequest("strata://table/public/things"));
        Thread.sleep(POLL.toMillis() * 2);

        long t0 = System.nanoTime();
        demo.execute(DB, "ALTER TABLE things ADD COLUMN color text");
        String uri = poll(updated, "strata://table/public/things");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("schema change → resources/updated in %d ms (poll interval %d ms)%n", ms, POLL.toMillis());
        assertThat(uri).as("server stderr:\n%s", serverStderr).isEqualTo("strata://table/public/things");
        assertThat(ms).as("within one poll interval plus the catalog reload").isLessThan(POLL.toMillis() + 3_000);
        assertThat(logs.poll(5, TimeUnit.SECONDS)).contains("schema changed").contains("public.things");
        var described = client.callTool(new McpSchema.CallToolRequest("describe_table", java.util.Map.of("table", "things")));
        assertThat(((McpSchema.TextContent) described.content().get(0)).text()).contains("color");

        demo.execute(DB, "CREATE TABLE widgets (widget_id bigint PRIMARY KEY)");
        List<McpSchema.Resource> resources = listChanged.poll(POLL.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        assertThat(resources).as("list_changed after CREATE TABLE").isNotNull();
        var tables = client.callTool(new McpSchema.CallToolRequest("list_tables", java.util.Map.of()));
        assertThat(((McpSchema.TextContent) tables.content().get(0)).text()).contains("widgets");
    }

    private static String poll(BlockingQueue<String> queue, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String s = queue.poll(100, TimeUnit.MILLISECONDS);
            if (wanted.equals(s)) return s;
        }
        return null;
    }
}
