package org.touchpoints.register.query.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail reminders ({@code REGISTER_MAIL_ENABLED}, off by default). The SMTP server is Spring's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, …).
 *
 * @param enabled whether reminders are written and sent at all
 * @param from    the sender address
 * @param baseUrl the address of this service, for links in the letters
 */
@ConfigurationProperties("register.mail")
public record ReminderProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("perechen@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl) {}
