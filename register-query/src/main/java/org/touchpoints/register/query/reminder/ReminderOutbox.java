package org.touchpoints.register.query.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Letters waiting to be sent, written in the transaction of the event that calls for them. */
@Repository
public class ReminderOutbox {
    public record Letter(long id, String recipient, String subject, String body) {}

    private final JdbcClient jdbc;

    public ReminderOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String recipient, String subject, String body, Instant at) {
        jdbc.sql("insert into reminder_outbox(recipient, subject, body, created_at) values (?, ?, ?, ?)")
                .params(recipient, subject, body, Timestamp.from(at))
                .update();
    }

    /** The e-mail address of one person, when they have one and their account is enabled. */
    java.util.Optional<String> addressOf(String username) {
        return jdbc.sql("select email from account where username = ? and enabled and email is not null")
                .param(username)
                .query(String.class)
                .optional();
    }

    List<Letter> unsent(int limit) {
        return jdbc.sql(
                        "select id, recipient, subject, body from reminder_outbox where sent_at is null and attempts < 10 order by id limit ?")
                .param(limit)
                .query((rs, i) -> new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update reminder_outbox set sent_at = ?, attempts = attempts + 1 where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void failed(long id, String error) {
        jdbc.sql("update reminder_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                .params(error, id)
                .update();
    }
}
