package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Commands run in one database transaction: the events and every read model commit together or not at all. */
class AtomicityIT extends ApplicationIT {
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void commandsRunInSpringTransactions() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void whenAReadModelCannotTakeTheEventNothingIsRecorded() {
        String register = newRegister();
        long before = eventStore.lastSequenceNumberFor(register).orElseThrow();
        // a read-model row in the way: the change projection's insert of "atomic-1" will fail
        jdbc.sql("""
                        insert into q_change(change_id, register_id, kind, status, reason, initiated_by, initiated_at)
                        values ('atomic-1', 'elsewhere', 'ADD', 'INITIATED', 'OTHER', 'x', ?)""")
                .param(Timestamp.from(Instant.now())).update();
        java.util.Map<String, Object> body = new java.util.HashMap<>(addRow("Сайт"));
        body.put("changeId", "atomic-1");
        Api.Response r = api.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(eventStore.lastSequenceNumberFor(register).orElseThrow()).as("no event appended").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from change_lookup where change_id = 'atomic-1'").query(Long.class).single())
                .as("the command side's index rolled back too").isZero();
        assertThat(jdbc.sql("select count(*) from q_history where change_id = 'atomic-1'").query(Long.class).single()).isZero();
    }
}
