package org.touchpoints.register.query.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;

/**
 * The register as it stood at an instant, or as a published version showed it, folded from the register's
 * own event stream (one aggregate's events: bounded, and exact to the event).
 */
@Service
public class RegisterTimeTravel {
    private final EventStore eventStore;

    public RegisterTimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Rows in entry order at {@code asOf} (events recorded at or before it). */
    public List<RegisterRow> asOf(String registerId, Instant asOf) {
        return fold(registerId, asOf, null).orElseThrow();
    }

    /** Rows as version {@code version} published them; empty if there is no such version. */
    public Optional<List<RegisterRow>> version(String registerId, int version) {
        return fold(registerId, null, version);
    }

    private Optional<List<RegisterRow>> fold(String registerId, Instant asOf, Integer version) {
        Map<String, RowContent> rows = new LinkedHashMap<>();
        Map<String, ChangeInitiated> changes = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        Template template = Template.SIX_COLUMN;
        DomainEventStream stream = eventStore.readEvents(registerId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            if (asOf != null
                    && event instanceof RegisterEvent recorded
                    && recorded.at().isAfter(asOf)) {
                break; // the business time every event carries; the stream is in the order it was recorded
            }
            if (event instanceof RegisterCreated e) {
                template = e.template();
            } else if (event instanceof RowImported e) {
                rows.put(e.rowId(), e.row());
                if (e.groupNo() != null) {
                    numbers.putIfAbsent(RegisterLayout.groupKey(template, e.row()), e.groupNo());
                }
            } else if (event instanceof ChangeInitiated e) {
                changes.put(e.changeId(), e);
            } else if (event instanceof DeputyApproved || event instanceof ChangeApproved) {
                ChangeInitiated c = changes.get(
                        ((RegisterEvent) event) instanceof DeputyApproved d
                                ? d.changeId()
                                : ((ChangeApproved) event).changeId());
                for (var op : c.rowChanges()) { // every row of a package at once
                    switch (op.kind()) {
                        case ADD, EDIT -> rows.put(op.rowId(), op.after());
                        case REMOVE -> rows.remove(op.rowId());
                        case PACKAGE -> throw new IllegalStateException("An operation is ADD, EDIT or REMOVE");
                    }
                }
            } else if (event instanceof Published e && version != null && e.version() == version) {
                return Optional.of(toList(template, rows, numbers));
            }
        }
        return version == null ? Optional.of(toList(template, rows, numbers)) : Optional.empty();
    }

    /** Rows in entry order with the file's numbers of their groups ({@link RegisterLayout#numbered}). */
    private static List<RegisterRow> toList(
            Template template, Map<String, RowContent> rows, Map<String, Integer> numbers) {
        List<RegisterRow> list = new ArrayList<>();
        rows.forEach((id, content) -> list.add(new RegisterRow(id, content)));
        return RegisterLayout.numbered(template, list, numbers);
    }
}
