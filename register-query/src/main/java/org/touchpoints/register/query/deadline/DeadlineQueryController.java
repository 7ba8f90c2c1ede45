package org.touchpoints.register.query.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One entry per approved change of a register with a deadline: due date, working days left, status. */
@RestController
@RequestMapping("/api/v1/deadlines")
@Tag(name = "Сроки публикации")
public class DeadlineQueryController {

    private final DeadlineBoard board;

    public DeadlineQueryController(DeadlineBoard board) {
        this.board = board;
    }

    @GetMapping
    @Operation(summary = "Сроки публикации утверждённых изменений по всем перечням (или одному)",
            description = "status: PENDING, AT_RISK (осталось не более 2 рабочих дней), OVERDUE, PUBLISHED_ON_TIME, PUBLISHED_LATE. "
                    + "workingDaysLeft — рабочих дней до срока (отрицательное — просрочено на столько дней).")
    public List<DeadlineBoard.DeadlineView> deadlines(@RequestParam(required = false) String registerId,
                                        @RequestParam(required = false) PublicationDeadline.Status status) {
        return board.deadlines(registerId).stream().filter(d -> status == null || d.status() == status).toList();
    }
}
