package dev.strata.server.boot;

import dev.strata.server.mcp.StrataMcp;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * The Spring Boot side of the server: Spring AI's MCP auto-configuration builds the server and its transport
 * (streamable HTTP, or stateless HTTP for replicas behind a load balancer) from the plain specifications
 * {@link StrataMcp} provides. No component scanning: every bean is listed here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StrataBootApplication {

    @Bean
    List<McpServerFeatures.SyncToolSpecification> strataTools(StrataMcp mcp) {
        return mcp.syncTools();
    }

    @Bean
    List<McpServerFeatures.SyncResourceSpecification> strataResources(StrataMcp mcp) {
        return mcp.syncResources();
    }

    @Bean
    List<McpServerFeatures.SyncResourceTemplateSpecification> strataTemplates(StrataMcp mcp) {
        return mcp.syncTemplates();
    }

    @Bean
    List<McpServerFeatures.SyncCompletionSpecification> strataCompletions(StrataMcp mcp) {
        return mcp.syncCompletions();
    }

    @Bean
    List<McpServerFeatures.SyncPromptSpecification> strataPrompts(StrataMcp mcp) {
        return mcp.syncPrompts();
    }

    @Bean
    List<McpStatelessServerFeatures.SyncPromptSpecification> strataStatelessPrompts(StrataMcp mcp) {
        return mcp.statelessPrompts();
    }

    @Bean
    List<McpStatelessServerFeatures.SyncToolSpecification> strataStatelessTools(StrataMcp mcp) {
        return mcp.statelessTools();
    }

    @Bean
    List<McpStatelessServerFeatures.SyncResourceSpecification> strataStatelessResources(StrataMcp mcp) {
        return mcp.statelessResources();
    }

    @Bean
    List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> strataStatelessTemplates(StrataMcp mcp) {
        return mcp.statelessTemplates();
    }

    @Bean
    List<McpStatelessServerFeatures.SyncCompletionSpecification> strataStatelessCompletions(StrataMcp mcp) {
        return mcp.statelessCompletions();
    }

    @Bean
    McpSchema.ServerCapabilities.Builder capabilitiesBuilder() {
        return McpSchema.ServerCapabilities.builder();
    }

    @Bean
    FilterRegistrationBean<HttpGuard> httpGuard(HttpGuard.Settings settings) {
        FilterRegistrationBean<HttpGuard> registration = new FilterRegistrationBean<>(new HttpGuard(settings));
        registration.addUrlPatterns("/*");
        registration.setOrder(0);
        return registration;
    }
}
