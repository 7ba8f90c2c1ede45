package org.touchpoints.register.query.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the properties cannot say about the pooled streaming processors of scale-out mode (standalone mode has
 * none). Their segments start before the first event: Axon Server keeps every event, so this is the tail of the
 * stream, and the token store can be initialised (and the processors reset) before Axon Server answers, so a
 * replica starting ahead of it waits for it instead of failing. Each replica takes its fair share of the segments
 * ({@link ProcessorFairShare}).
 *
 * <p>A {@link ConfigurerModule} bean, which Axon applies before it builds any processor: an {@code @Autowired} method
 * ran too late whenever another thread (the processor-progress scheduler) had the processors built first, and the
 * processors then asked Axon Server for the head of the stream at start — a replica starting before Axon Server
 * failed to start (seen as {@code QueryServiceIT} failing under load).
 */
@Configuration(proxyBeanMethods = false)
public class PooledProcessors {

    @Bean
    ConfigurerModule pooledProcessorDefaults(ObjectProvider<ProcessorFairShare> fairShare) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerPooledStreamingEventProcessorConfiguration((config, builder) -> {
                    builder.initialToken(source -> null);
                    fairShare.ifAvailable(builder::maxSegmentProvider);
                    return builder;
                }));
    }
}
