package org.touchpoints.register.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The standalone launcher: command side and query side in one JVM, on an embedded PostgreSQL unless
 * {@code SPRING_DATASOURCE_URL} names a database.
 */
@SpringBootApplication(scanBasePackages = "org.touchpoints.register")
public class RegisterApplication {
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(RegisterApplication.class, args);
    }
}
