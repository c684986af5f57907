package dev.strata.server.boot;

import jakarta.servlet.http.HttpServlet;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot side of the HTTP server: an embedded Tomcat that hosts Strata's MCP transport servlet on
 * {@code /mcp} behind {@link HttpGuard}. The transport and the MCP server are built by
 * {@link dev.strata.server.Launcher} from the same specifications as stdio and handed in as beans; Spring AI's MCP
 * auto-configuration is excluded (its transports answered errors with serialized Java exceptions, kept event
 * streams' headers back until a first event, and gave every event the session id as its id). No component
 * scanning: every bean is listed here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StrataBootApplication {

    /** What Launcher hands in: the transport servlet and how to stop it first on shutdown. */
    public record Mcp(HttpServlet servlet, Runnable closeStreams) {
    }

    @Bean
    ServletRegistrationBean<HttpServlet> mcpServlet(Mcp mcp) {
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(mcp.servlet(), "/mcp");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<HttpGuard> httpGuard(HttpGuard.Settings settings) {
        FilterRegistrationBean<HttpGuard> registration = new FilterRegistrationBean<>(new HttpGuard(settings));
        registration.addUrlPatterns("/*");
        registration.setAsyncSupported(true);
        registration.setOrder(0);
        return registration;
    }

    /**
     * Stops before the web server (highest phase first): completing every open event stream lets Tomcat's
     * graceful shutdown find no long-lived request to wait for, so the process stops in well under 2 s instead
     * of the 30 s an open {@code GET /mcp} used to hold it.
     */
    @Bean
    SmartLifecycle closeEventStreamsFirst(Mcp mcp) {
        return new SmartLifecycle() {
            private volatile boolean running = true;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                mcp.closeStreams().run();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
