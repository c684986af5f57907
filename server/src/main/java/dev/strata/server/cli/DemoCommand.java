package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.profile.ProfileOptions;
import dev.strata.query.QueryLimits;
import dev.strata.server.Launcher;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code strata demo}: starts an embedded PostgreSQL from Maven jars, loads the Acme Commerce demo database and
 * serves it, so Strata can be tried on a machine with nothing but a JDK.
 */
final class DemoCommand implements Callable<Integer> {

    private final Launcher.HttpSettings http;
    private final QueryLimits limits;
    private final boolean allowWrites;
    private final java.time.Duration pollInterval;
    private final ProfileOptions profileOptions;

    DemoCommand(Launcher.HttpSettings http, QueryLimits limits, boolean allowWrites, ProfileOptions profileOptions,
                java.time.Duration pollInterval) {
        this.profileOptions = profileOptions;
        this.http = http;
        this.limits = limits;
        this.allowWrites = allowWrites;
        this.pollInterval = pollInterval;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        System.err.println("strata: starting embedded PostgreSQL and loading the demo database…");
        DemoDatabase demo = DemoDatabase.start();
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        // One println, so readers of stderr get the line whole.
        System.err.println(String.format(Locale.ROOT, "strata: demo database ready in %.1f s at %s",
                (System.nanoTime() - start) / 1e9, demo.url()));
        ConnectionSettings settings = ConnectionSettings.parse(demo.url());
        new ServeCommand(settings, List.of(), http, limits, allowWrites, profileOptions, pollInterval, null)
                .expectingPrivilegedRole().serve(CompletableFuture.completedFuture(Database.connect(settings)));
        return 0;
    }
}
