package org.touchpoints.register.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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

    @GetMapping
    @Operation(summary = "Отложенные события (dead-letter queue): представление не смогло их принять (администратор)",
            description = "Группа обработки (projections, history, metrics, reminders), перечень (sequence), тип события, "
                    + "причина, время. Последующие события того же перечня ждут в очереди за первым; команды при этом "
                    + "выполняются. Отбор: ?processingGroup=&sequence=")
    public List<DeadLetters.Letter> list(@RequestParam(required = false) String processingGroup,
                                         @RequestParam(required = false) String sequence) {
        return deadLetters.list(knownGroup(processingGroup), sequence);
    }

    @PostMapping("/retry")
    @Operation(summary = "Обработать отложенные события повторно, по порядку для каждого перечня (администратор)",
            description = "После устранения причины. Событие, которое снова не принято, остаётся в очереди с новой причиной. "
                    + "Отбор: ?processingGroup=&sequence=")
    public DeadLetters.RetryResult retry(@RequestParam(required = false) String processingGroup,
                                         @RequestParam(required = false) String sequence) {
        return deadLetters.retry(knownGroup(processingGroup), sequence);
    }

    private static String knownGroup(String group) {
        if (group != null && !DeadLetterConfiguration.GROUPS.contains(group)) {
            throw ApiException.badRequest("processingGroup",
                    "Неизвестная группа обработки; допустимы: " + String.join(", ", DeadLetterConfiguration.GROUPS));
        }
        return group;
    }
}
