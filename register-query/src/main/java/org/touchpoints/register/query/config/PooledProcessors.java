package org.touchpoints.register.query.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * What the properties cannot say about the pooled streaming processors of scale-out mode (standalone mode has
 * none). Their segments start before the first event: Axon Server keeps every event, so this is the tail of the
 * stream, and the token store can be initialised (and the processors reset) before Axon Server answers, so a
 * replica starting ahead of it waits for it instead of failing. Each replica takes its fair share of the segments
 * ({@link ProcessorFairShare}).
 */
@Configuration(proxyBeanMethods = false)
public class PooledProcessors {

    @Autowired
    void configure(EventProcessingConfigurer processing, ObjectProvider<ProcessorFairShare> fairShare) {
        processing.registerPooledStreamingEventProcessorConfiguration((config, builder) -> {
            builder.initialToken(source -> null);
            fairShare.ifAvailable(builder::maxSegmentProvider);
            return builder;
        });
    }
}
