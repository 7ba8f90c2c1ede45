package org.touchpoints.register.query.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Time-driven work (deadline watcher, reminders); {@code register.scheduling.enabled=false} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "register.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingConfiguration {}
