package org.touchpoints.register.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No {@code logback.events} meters. Spring Boot counts log events by level through a Logback turbo filter, and a
 * turbo filter is asked on every {@code isDebugEnabled()}/{@code isTraceEnabled()} of every logger, logged or not
 * (Spring, Axon, Tomcat and the JDBC driver ask dozens of times per request): JFR at K = 8, ~2 % of the request
 * threads' samples. Nothing reads these meters (the dashboards and the README's metrics are the application's,
 * Axon's and {@code http.server.requests}). This bean takes the place of Boot's ({@code @ConditionalOnMissingBean})
 * and binds nothing.
 */
@Configuration(proxyBeanMethods = false)
public class NoLogEventMeters {
    @Bean
    LogbackMetrics logbackMetrics() {
        return new LogbackMetrics() {
            @Override
            public void bindTo(MeterRegistry registry) {
                // no turbo filter, no meters
            }
        };
    }
}
