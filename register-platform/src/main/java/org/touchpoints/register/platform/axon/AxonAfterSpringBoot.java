package org.touchpoints.register.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts Axon's auto-configurations that depend on Spring Boot's beans after the Spring Boot 4 auto-configurations
 * that make them. Axon 4.13 orders itself by Spring Boot 3's class names, so without this, when the DataSource comes
 * from {@code spring.datasource.url} (the scale-out services; the standalone launcher on an external PostgreSQL),
 * Axon's JDBC configuration finds no DataSource: no JDBC event store (the context does not start) and an in-memory
 * token store (streaming processors would replay everything at every restart). It also comes after Axon Server's
 * bus configuration, so that with Axon Server enabled its event store keeps the JDBC storage engine away. The meter
 * registry likewise: Axon's metrics go to Spring Boot's registry, not to a registry of Axon's own, through
 * {@link AxonMeters} (Axon's module backs off when it exists).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"
        })
public class AxonAfterSpringBoot {

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    MetricsConfigurerModule axonMeters(MeterRegistry registry) {
        return new AxonMeters(registry);
    }
}
