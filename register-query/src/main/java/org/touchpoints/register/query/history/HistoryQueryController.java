package org.touchpoints.register.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.query.history.HistoryReadModel.HistoryEntry;
import org.touchpoints.register.query.paging.PageRequest;
import org.touchpoints.register.query.paging.Paged;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.Words;

@RestController
@RequestMapping("/api/v1/registers/{registerId}/history")
@Tag(name = "Аудит")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class HistoryQueryController {
    private final HistoryReadModel history;
    private final RegisterReadModel registers;
    private final AuditPage audit;

    public HistoryQueryController(HistoryReadModel history, RegisterReadModel registers, AuditPage audit) {
        this.history = history;
        this.registers = registers;
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            summary = "Все события перечня по порядку: кто, когда, что (для аудитора и администратора)",
            description =
                    "Необязательные фильтры: from, to (моменты ISO-8601), event (имя события, например DeputyApproved), "
                            + "user (учётная запись), changeId. События выдаются страницами по порядку: page (с 1) по size "
                            + "записей (без page и size — весь список; size не более " + PageRequest.MAX_SIZE
                            + "); заголовок X-Total-Count — число подходящих событий, Link — ссылки first, prev, next, last.")
    public ResponseEntity<List<HistoryEntry>> history(
            @PathVariable String registerId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String changeId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        registers.require(registerId);
        var filter = new HistoryReadModel.Filter(registerId, event, user, changeId, from, to);
        return new Paged<>(history.page(filter, request.offset(), request.size()), history.count(filter), request)
                .response();
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(
            summary = "Журнал событий перечня в CSV для Excel (UTF-8 с BOM, разделитель «;»): время по часовому поясу "
                    + "перечня, события, люди и подразделения словами; фильтры те же")
    public ResponseEntity<byte[]> export(
            @PathVariable String registerId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String changeId) {
        RegisterReadModel.RegisterSummary register = registers.require(registerId);
        AuditPage.Words words = audit.words(register);
        StringBuilder csv = new StringBuilder(
                "\uFEFF№;Время (" + Words.zone(register.timeZone()) + ");Событие;Кто;Изменение;Содержание\r\n");
        for (HistoryEntry e :
                history.entries(new HistoryReadModel.Filter(registerId, event, user, changeId, from, to))) {
            AuditPage.Line line = AuditPage.line(e, words);
            csv.append(e.sequence())
                    .append(';')
                    .append(cell(line.when()))
                    .append(';')
                    .append(cell(line.title()))
                    .append(';')
                    .append(cell(line.who()))
                    .append(';')
                    .append(cell(e.changeId()))
                    .append(';')
                    .append(cell(line.factsText()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"history-" + registerId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell, quoted, and inert when a spreadsheet would take it for a formula ({@link RegisterCsv#inert}). */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return '"' + RegisterCsv.inert(value).replace("\"", "\"\"") + '"';
    }
}
