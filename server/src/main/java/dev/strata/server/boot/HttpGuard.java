package dev.strata.server.boot;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Guards the HTTP endpoint the way the MCP specification asks: a browser page on another origin must not be
 * able to drive a local server (DNS rebinding), so requests whose {@code Origin} is not a loopback address are
 * refused; and when a bearer token is configured, every request must carry it (compared in constant time).
 */
public final class HttpGuard implements Filter {

    /** @param token bearer token required on every request, or null for none */
    public record Settings(String token, Set<String> allowedOrigins) {
    }

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Settings settings;

    public HttpGuard(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        if (origin != null && !originAllowed(origin)) {
            reject(response, 403, "origin " + origin + " is not allowed; Strata accepts browser requests from "
                    + "loopback origins only");
            return;
        }
        if (settings.token() != null && !tokenMatches(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            reject(response, 401, "missing or wrong bearer token: send 'Authorization: Bearer <token>'");
            return;
        }
        chain.doFilter(req, res);
    }

    boolean originAllowed(String origin) {
        if (settings.allowedOrigins().contains(origin)) return true;
        try {
            String host = URI.create(origin).getHost();
            return host != null && LOOPBACK.contains(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean tokenMatches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = settings.token().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
