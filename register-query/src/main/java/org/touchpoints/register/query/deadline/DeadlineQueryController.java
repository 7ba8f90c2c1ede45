package org.touchpoints.register.query.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.paging.PageRequest;
import org.touchpoints.register.query.paging.Paged;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DeadlineBoard board;
    private final RegisterReadAccess access;

    public DeadlineQueryController(DeadlineBoard board, RegisterReadAccess access) {
        this.board = board;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "Сроки публикации утверждённых изменений по всем перечням (или одному)",
            description =
                    "status: PENDING, AT_RISK (осталось не более 2 рабочих дней), OVERDUE, PUBLISHED_ON_TIME, PUBLISHED_LATE. "
                            + "workingDaysLeft — рабочих дней до срока (отрицательное — просрочено на столько дней). "
                            + "Если срок нельзя рассчитать (в производственном календаре нет нужного года), dueDate и "
                            + "workingDaysLeft — null, dueDateUnknown объясняет причину («нет календаря на 2028 год»), "
                            + "status — AT_RISK; такие записи идут первыми. "
                            + "Записи упорядочены по сроку; выдаются страницами: page (с 1) по size записей (не более "
                            + PageRequest.MAX_SIZE
                            + "; заголовок Link — ссылки first, prev, next, last) или, как прежде, limit "
                            + "(по умолчанию " + DEFAULT_LIMIT + ", не более " + MAX_LIMIT
                            + ") записей начиная с offset (по "
                            + "умолчанию 0; если записей больше, заголовок Link с rel=\"next\" указывает следующую страницу). "
                            + "Заголовок X-Total-Count — число подходящих записей всего (только с registerId: по всем перечням "
                            + "записей сотни тысяч, их не пересчитывают при каждом запросе, и ссылки last нет). Без registerId — по перечням, в которых у "
                            + "вызывающего есть роль (аудитору и администратору — по всем); перечень без такой роли — 403.")
    public ResponseEntity<List<DeadlineBoard.DeadlineView>> deadlines(
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) PublicationDeadline.Status status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (page != null || size != null) {
            PageRequest request = PageRequest.of(page, size);
            if (registerId != null) {
                access.requireReadable(registerId);
            }
            List<String> readable = access.scope().filter();
            if (registerId != null) {
                return new Paged<>(
                                board.deadlines(registerId, readable, status, request.offset(), request.size()),
                                board.count(registerId, readable, status),
                                request)
                        .response();
            }
            // every register: hundreds of thousands of entries, too many to count on each request (~1 s at 300,000)
            List<DeadlineBoard.DeadlineView> entries =
                    board.deadlines(null, readable, status, request.offset(), request.size() + 1);
            boolean more = entries.size() > request.size();
            return Paged.uncounted(more ? entries.subList(0, request.size()) : entries, request, more)
                    .response();
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", "Смещение offset не может быть отрицательным");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "Число записей limit — от 1 до " + MAX_LIMIT);
        }
        if (registerId != null) {
            access.requireReadable(registerId);
        }
        List<String> readable = access.scope().filter();
        List<DeadlineBoard.DeadlineView> entries = board.deadlines(registerId, readable, status, offset, limit + 1);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (registerId != null) { // one register's entries are counted cheaply; every register's are not
            answer.header(Paged.TOTAL_COUNT, Long.toString(board.count(registerId, readable, status)));
        }
        if (entries.size() <= limit) {
            return answer.body(entries);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset", offset + limit)
                .replaceQueryParam("limit", limit)
                .build()
                .toUriString();
        return answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(entries.subList(0, limit));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(
            summary = "Сроки публикации в CSV (UTF-8, разделитель «;», для Excel); фильтры registerId и status те же",
            description = "Столбец «Примечание» говорит, когда срок рассчитан по одному федеральному календарю: регион "
                    + "отмечен администратором как «только федеральный календарь», потому что его региональный календарь "
                    + "на год не загружен. Без registerId — по перечням, в которых у вызывающего есть роль (аудитору и "
                    + "администратору — по всем); перечень без такой роли — 403.")
    public ResponseEntity<byte[]> export(
            @RequestParam(required = false) String registerId,
            @RequestParam(required = false) PublicationDeadline.Status status) {
        if (registerId != null) {
            access.requireReadable(registerId);
        }
        StringBuilder csv = new StringBuilder("\uFEFFИзменение;Перечень;Подразделение;Утверждено;Срок публикации;"
                + "Рабочих дней до срока;Состояние;Опубликовано;Примечание\r\n");
        for (DeadlineBoard.DeadlineView d :
                board.deadlines(registerId, access.scope().filter(), status, 0, DeadlineBoard.ALL)) {
            csv.append(String.join(
                            ";",
                            cell(d.changeId()),
                            cell(d.registerId()),
                            cell(d.division()),
                            date(d.approvedOn()),
                            date(d.dueDate()),
                            d.workingDaysLeft() == null
                                    ? ""
                                    : d.workingDaysLeft().toString(),
                            cell(d.status().title()),
                            date(d.publishedOn()),
                            cell(d.note())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"deadlines"
                                + (registerId == null ? "" : "-" + registerId.replaceAll("[^A-Za-z0-9_-]", ""))
                                + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell, quoted, and inert when a spreadsheet would take it for a formula. */
    private static String cell(String value) {
        return value == null ? "" : '"' + RegisterCsv.inert(value).replace("\"", "\"\"") + '"';
    }

    private static String date(LocalDate day) {
        return day == null ? "" : day.format(DATE);
    }
}
