package org.touchpoints.register.command.lookup;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeInitiated;

/**
 * The command side's own index from a change to its register, so a command addressed to a change can be
 * routed to the register aggregate that owns it. It runs in a subscribing processor, in the transaction
 * that appends {@code ChangeInitiated}: once initiation is acknowledged, the change can be addressed.
 */
@Component
@ProcessingGroup(ChangeLookup.GROUP)
public class ChangeLookup {
    public static final String GROUP = "change-lookup";

    private final JdbcClient jdbc;

    public ChangeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChangeInitiated e) {
        jdbc.sql("insert into change_lookup(change_id, register_id) values (?, ?) on conflict (change_id) do nothing")
                .params(e.changeId(), e.registerId()).update();
    }

    public Optional<String> registerOf(String changeId) {
        return jdbc.sql("select register_id from change_lookup where change_id = ?").param(changeId)
                .query(String.class).optional();
    }
}
