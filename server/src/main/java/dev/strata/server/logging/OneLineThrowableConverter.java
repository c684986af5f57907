package dev.strata.server.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.strata.db.ConnectionSettings;

/**
 * A logged exception as the end of its log line — {@code (SocketTimeoutException: Read timed out)}, the root
 * cause — instead of dozens of stack frames on stderr. When a connection drops, the pool logs each broken
 * connection with its exception; a person watching stderr needs to know what happened, not where in pgjdbc.
 * Set {@code -Dstrata.stacktraces=true} to get full traces back.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {

    private static final boolean FULL = Boolean.getBoolean("strata.stacktraces");

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        if (t == null) return "";
        if (FULL) return System.lineSeparator() + ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(t);
        IThrowableProxy root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String name = root.getClassName().substring(root.getClassName().lastIndexOf('.') + 1);
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return " (" + name + (message.isEmpty() ? "" : ": " + ConnectionSettings.redactUrl(message)) + ")";
    }
}
