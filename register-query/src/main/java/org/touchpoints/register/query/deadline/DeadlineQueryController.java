package org.touchpoints.register.query.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.register.RegisterReadAccess;

/**
 * One entry per approved change of a register with a deadline: due date, working days left, status. A page at
 * a time ({@code offset}, {@code limit}); when there are more, a {@code Link: <…>; rel="next"} header gives the
 * next page.
 */
@RestController
@RequestMapping("/api/v1/deadlines")
@Tag(name = "Сроки публикации")
public class DeadlineQueryController {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5_000;

    private final DeadlineBoard board;
    private final RegisterReadAccess access;

    public DeadlineQueryController(DeadlineBoard board, RegisterReadAccess access) {
        this.board = board;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Сроки публикации утверждённых изменений по всем перечням (или одному)",
            description = "status: PENDING, AT_RISK (осталось не более 2 рабочих дней), OVERDUE, PUBLISHED_ON_TIME, PUBLISHED_LATE. "
                    + "workingDaysLeft — рабочих дней до срока (отрицательное — просрочено на столько дней). "
                    + "Если срок нельзя рассчитать (в производственном календаре нет нужного года), dueDate и "
                    + "workingDaysLeft — null, dueDateUnknown объясняет причину («нет календаря на 2028 год»), "
                    + "status — AT_RISK; такие записи идут первыми. "
                    + "Записи упорядочены по сроку; выдаются страницами: limit (по умолчанию " + DEFAULT_LIMIT
                    + ", не более " + MAX_LIMIT + ") записей начиная с offset (по умолчанию 0). Если записей больше, "
                    + "заголовок Link с rel=\"next\" указывает следующую страницу. Без registerId — по перечням, в которых у "
                    + "вызывающего есть роль (аудитору и администратору — по всем); перечень без такой роли — 403.")
    public ResponseEntity<List<DeadlineBoard.DeadlineView>> deadlines(
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) PublicationDeadline.Status status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (offset < 0) {
            throw ApiException.badRequest("offset", "Смещение offset не может быть отрицательным");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "Число записей limit — от 1 до " + MAX_LIMIT);
        }
        if (registerId != null) {
            access.requireReadable(registerId);
        }
        List<DeadlineBoard.DeadlineView> page = board.deadlines(registerId, access.scope().filter(), status, offset,
                limit + 1);
        if (page.size() <= limit) {
            return ResponseEntity.ok(page);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset", offset + limit).replaceQueryParam("limit", limit).build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page.subList(0, limit));
    }
}
