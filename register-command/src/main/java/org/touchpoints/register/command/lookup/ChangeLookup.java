package org.touchpoints.register.command.lookup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.touchpoints.register.api.change.ChangeInitiated;

/**
 * The command side's own index from a change to its register, so a command addressed to a change can be
 * routed to the register aggregate that owns it. It runs in a subscribing processor, in the transaction
 * that appends {@code ChangeInitiated}: once initiation is acknowledged, the change can be addressed. A change
 * never moves to another register, so the answers found are kept in memory (the most recent {@value #REMEMBERED}).
 */
@Component
@ProcessingGroup(ChangeLookup.GROUP)
public class ChangeLookup {
    public static final String GROUP = "change-lookup";

    static final int REMEMBERED = 50_000;

    private final JdbcClient jdbc;
    private final Map<String, String> remembered =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public ChangeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChangeInitiated e) {
        int inserted = jdbc.sql(
                        "insert into change_lookup(change_id, register_id) values (?, ?) on conflict (change_id) do nothing")
                .params(e.changeId(), e.registerId())
                .update();
        // the row written here is remembered once committed: the change's next command (its first approval) is routed
        // without a query
        if (inserted == 1 && TransactionSynchronizationManager.isSynchronizationActive()) {
            String changeId = e.changeId();
            String registerId = e.registerId();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remembered.putIfAbsent(changeId, registerId);
                }
            });
        }
    }

    /** The register of a committed change (read outside the command's transaction), if any. */
    public Optional<String> registerOf(String changeId) {
        String known = remembered.get(changeId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = jdbc.sql("select register_id from change_lookup where change_id = ?")
                .param(changeId)
                .query(String.class)
                .optional();
        found.ifPresent(registerId -> remembered.put(changeId, registerId));
        return found;
    }
}
