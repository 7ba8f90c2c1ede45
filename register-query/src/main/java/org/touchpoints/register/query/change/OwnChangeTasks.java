package org.touchpoints.register.query.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.task.Task;
import org.touchpoints.register.query.task.TaskGroup;
import org.touchpoints.register.query.task.TaskSource;
import org.touchpoints.register.query.ui.People;
import org.touchpoints.register.query.ui.Viewer;
import org.touchpoints.register.query.ui.Words;

/**
 * The person's own proposals that came back: rejected in the last {@link #SHOWN_FOR} days, with who rejected them,
 * when and why — the initiator may correct and propose again. Newest first.
 */
@Component
@Order(40)
public class OwnChangeTasks implements TaskSource {
    /** How long a rejection stays on the initiator's landing page. */
    static final Duration SHOWN_FOR = Duration.ofDays(30);

    private final ChangeReadModel changes;
    private final RegisterReadModel registers;
    private final People people;
    private final Clock clock;
    private final RegisterReadAccess access;

    public OwnChangeTasks(
            ChangeReadModel changes,
            RegisterReadModel registers,
            People people,
            Clock clock,
            RegisterReadAccess access) {
        this.changes = changes;
        this.registers = registers;
        this.people = people;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public List<TaskGroup> tasksFor(Viewer viewer) {
        if (!viewer.specialist()) {
            return List.of();
        }
        RegisterReadAccess.Scope scope = access.scope(); // a person whose role was revoked no longer reads the register
        List<ChangeView> rejected = changes.initiatedBy(viewer.username(), ChangeStatus.REJECTED.name()).stream()
                .filter(c -> scope.includes(c.registerId()))
                .toList();
        Map<String, List<ChangeView.TimelineEntry>> timelines =
                changes.timelines(rejected.stream().map(ChangeView::changeId).toList());
        Map<String, RegisterReadModel.RegisterSummary> registerOf = new HashMap<>();
        Function<String, String> name = people.cached();
        Instant since = clock.instant().minus(SHOWN_FOR);
        List<Map.Entry<Instant, Task>> tasks = new ArrayList<>();
        for (ChangeView c : rejected) {
            ChangeView.TimelineEntry rejection = timelines.getOrDefault(c.changeId(), List.of()).stream()
                    .filter(t -> "ChangeRejected".equals(t.event()))
                    .reduce((a, b) -> b)
                    .orElse(null);
            if (rejection == null || rejection.at().isBefore(since)) {
                continue;
            }
            var register = registerOf.computeIfAbsent(c.registerId(), registers::require);
            ZoneId zone = ZoneId.of(register.timeZone());
            String who = rejection.onBehalfOf() == null
                    ? name.apply(rejection.by())
                    : name.apply(rejection.by()) + " (и.о. за " + name.apply(rejection.onBehalfOf()) + ")";
            tasks.add(Map.entry(
                    rejection.at(),
                    new Task(
                            "Отклонено: " + ChangeSubject.of(c),
                            "Причина: " + (rejection.comment() == null ? "не указана" : rejection.comment()) + " — "
                                    + who + ", " + Words.dateTime(rejection.at(), zone) + "; " + register.authority(),
                            "/changes/" + c.changeId(),
                            false,
                            c.status())));
        }
        tasks.sort(Map.Entry.<Instant, Task>comparingByKey().reversed());
        return List.of(new TaskGroup(
                "returned",
                "Ваши изменения, которые отклонены",
                tasks.stream().map(Map.Entry::getValue).toList(),
                null));
    }
}
