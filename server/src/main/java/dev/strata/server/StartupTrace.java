package dev.strata.server;

import java.time.Instant;

/**
 * With {@code STRATA_TRACE_STARTUP=1}, prints how long after process start each step of start-up finished, on
 * stderr: the measurement behind BENCHMARKS.md's start-up section, available on any machine.
 */
public final class StartupTrace {

    private static final boolean ON = System.getenv("STRATA_TRACE_STARTUP") != null;
    // The JVM's own start time (milliseconds); ProcessHandle's start instant is only as precise as /proc's boot time.
    private static final Instant START = ON ? Instant.ofEpochMilli(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) : null;

    private StartupTrace() {
    }

    public static void mark(String step) {
        if (!ON) return;
        long ms = java.time.Duration.between(START, Instant.now()).toMillis();
        System.err.println("strata: startup +" + ms + " ms " + step + " [" + Thread.currentThread().getName() + "]");
    }
}
