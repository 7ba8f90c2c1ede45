package org.touchpoints.register.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Администрирование")
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterController {
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The body of a set-aside: why the event is left out. */
    public record SetAsideRequest(String reason) {}

    @GetMapping
    @Operation(
            summary = "Отложенные события (dead-letter queue): представление не смогло их принять (администратор)",
            description =
                    "Идентификатор, состояние (PARKED — в очереди, SET_ASIDE — исключено администратором), группа "
                            + "обработки (projections, history, metrics, reminders), перечень (sequence), тип события, причина "
                            + "(класс исключения и сообщение), время; у исключённых — кто, когда и почему исключил. Последующие "
                            + "события того же перечня ждут в очереди за первым; команды при этом выполняются. "
                            + "Отбор: ?processingGroup=&sequence=&status=")
    public List<DeadLetters.Letter> list(
            @RequestParam(required = false) String processingGroup,
            @RequestParam(required = false) String sequence,
            @RequestParam(required = false) String status) {
        if (status != null && !DeadLetters.PARKED.equals(status) && !DeadLetters.SET_ASIDE.equals(status)) {
            throw ApiException.badRequest("status", "Состояние: PARKED или SET_ASIDE");
        }
        return deadLetters.list(knownGroup(processingGroup), sequence, status);
    }

    @PostMapping("/retry")
    @Operation(
            summary = "Обработать отложенные события повторно, по порядку для каждого перечня (администратор)",
            description =
                    "После устранения причины. Событие, которое снова не принято, остаётся в очереди с новой причиной. "
                            + "Отбор: ?processingGroup=&sequence=. Записывается в журнал администрирования.")
    public DeadLetters.RetryResult retry(
            @RequestParam(required = false) String processingGroup,
            @RequestParam(required = false) String sequence,
            Principal who) {
        return deadLetters.retry(knownGroup(processingGroup), sequence, who.getName());
    }

    @PostMapping("/{id}/set-aside")
    @Operation(
            summary = "Исключить отложенное событие из обработки, указав причину (администратор)",
            description =
                    "Для события, которое представление не может принять и не примет (например, записанного прежней "
                            + "версией с недопустимой датой). Событие остаётся в журнале событий; его группа обработки больше его "
                            + "не обрабатывает, в том числе при перестроении. Запись сохраняется (GET …/dead-letters, состояние "
                            + "SET_ASIDE) и попадает в журнал администрирования; события перечня, ждавшие за ним, обрабатываются "
                            + "сразу. Исключить можно только первое событие очереди перечня. Тело: {\"reason\": \"…\"}.")
    public DeadLetters.SetAsideResult setAside(
            @PathVariable String id, @RequestBody(required = false) SetAsideRequest body, Principal who) {
        return deadLetters.setAside(id, body == null ? null : body.reason(), who.getName());
    }

    private static String knownGroup(String group) {
        if (group != null && !DeadLetterConfiguration.GROUPS.contains(group)) {
            throw ApiException.badRequest(
                    "processingGroup",
                    "Неизвестная группа обработки; допустимы: " + String.join(", ", DeadLetterConfiguration.GROUPS));
        }
        return group;
    }
}
