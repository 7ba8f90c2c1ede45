package org.touchpoints.register.queryservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side alone, for scale-out (docker-compose.yml): projections, the query API, deadlines, reminders and
 * the operations metrics, with the shared platform. Always in the {@code axonserver} profile: its processors
 * stream the events from Axon Server in segments, which the query replicas share (tokens in PostgreSQL, next to
 * the read models), and it answers the queries the command side sends.
 */
@SpringBootApplication(
        scanBasePackages = {
            "org.touchpoints.register.platform",
            "org.touchpoints.register.query",
            "org.touchpoints.register.queryservice"
        })
public class QueryServiceApplication {
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
