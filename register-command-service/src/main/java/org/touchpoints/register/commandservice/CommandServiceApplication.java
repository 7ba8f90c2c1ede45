package org.touchpoints.register.commandservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side alone, for scale-out (docker-compose.yml): the register aggregate, the command API and the
 * change lookup, with the shared platform. Always in the {@code axonserver} profile: Axon Server stores the events
 * and routes commands (by register id, so one register's commands land on one replica) and queries (the due date
 * a deputy's approval answers with comes from a query replica). PostgreSQL holds accounts and the change lookup.
 */
@SpringBootApplication(
        scanBasePackages = {
            "org.touchpoints.register.platform",
            "org.touchpoints.register.command",
            "org.touchpoints.register.commandservice"
        })
public class CommandServiceApplication {
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
