package org.touchpoints.register.query.reminder;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.touchpoints.register.platform.audit.AdminAudit;

/** Sends what the outbox holds over SMTP; a letter that fails is tried again at the next run (up to 10 times). */
@Component
public class ReminderSender {
    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

    private final ReminderOutbox outbox;
    private final ReminderProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;

    public ReminderSender(
            ReminderOutbox outbox,
            ReminderProperties properties,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${register.mail.send-interval:PT30S}")
    public void scheduledSend() {
        try {
            sendPending();
        } catch (RuntimeException e) {
            log.warn("Sending reminders failed; retrying at the next run", e);
        }
    }

    /** @return how many letters went out */
    public int sendPending() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (!properties.enabled() || sender == null) {
            return 0;
        }
        int sent = 0;
        for (ReminderOutbox.Letter letter : outbox.unsent(100)) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(letter.recipient());
            message.setSubject(letter.subject());
            message.setText(letter.body());
            try {
                sender.send(message);
                outbox.sent(letter.id(), clock.instant());
                sent++;
            } catch (RuntimeException e) {
                log.warn(
                        "Reminder {} to {} not sent: {}",
                        letter.id(),
                        AdminAudit.oneLine(letter.recipient()),
                        AdminAudit.oneLine(e.getMessage()));
                outbox.failed(letter.id(), e.getMessage());
            }
        }
        return sent;
    }
}
