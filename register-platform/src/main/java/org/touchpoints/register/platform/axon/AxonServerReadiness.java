package org.touchpoints.register.platform.axon;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code axonServer} (scale-out mode): UP only while this replica is connected to Axon Server's
 * default context. It is part of the readiness group (application-axonserver.yml), not of liveness: a replica
 * without Axon Server is alive but can serve nothing, so a balancer stops sending it traffic until it reconnects.
 * (Axon's own indicator is written against Spring Boot 3's health API and is not registered on Boot 4.)
 */
@Component("axonServer")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
public class AxonServerReadiness extends AbstractHealthIndicator {
    private final AxonServerConnectionManager connections;

    public AxonServerReadiness(AxonServerConnectionManager connections) {
        super("Axon Server unreachable");
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connections.getDefaultContext();
        boolean connected = connections.isConnected(context);
        (connected ? builder.up() : builder.down())
                .withDetail("context", context)
                .withDetail("connected", connected);
    }
}
