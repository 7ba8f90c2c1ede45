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
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.history.HistoryReadModel.HistoryEntry;

@RestController
@RequestMapping("/api/v1/registers/{registerId}/history")
@Tag(name = "Аудит")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class HistoryQueryController {
    private final HistoryReadModel history;
    private final RegisterReadModel registers;

    public HistoryQueryController(HistoryReadModel history, RegisterReadModel registers) {
        this.history = history;
        this.registers = registers;
    }

    @GetMapping
    @Operation(summary = "Все события перечня по порядку: кто, когда, что (для аудитора и администратора)",
            description = "Необязательные фильтры: from, to (моменты ISO-8601), event (имя события, например DeputyApproved), "
                    + "user (учётная запись), changeId.")
    public List<HistoryEntry> history(@PathVariable String registerId, @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      @RequestParam(required = false) String event,
                                      @RequestParam(required = false) String user,
                                      @RequestParam(required = false) String changeId) {
        registers.require(registerId);
        return history.entries(new HistoryReadModel.Filter(registerId, event, user, changeId, from, to));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Журнал событий перечня в CSV (UTF-8, разделитель «;», для Excel); фильтры те же")
    public ResponseEntity<byte[]> export(@PathVariable String registerId, @RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to,
                                         @RequestParam(required = false) String event,
                                         @RequestParam(required = false) String user,
                                         @RequestParam(required = false) String changeId) {
        registers.require(registerId);
        StringBuilder csv = new StringBuilder("\uFEFF№;Событие;Время (UTC);Кто;Изменение;Содержание\r\n");
        for (HistoryEntry e : history.entries(new HistoryReadModel.Filter(registerId, event, user, changeId, from, to))) {
            csv.append(e.sequence()).append(';').append(cell(e.event())).append(';').append(e.at()).append(';')
                    .append(cell(e.onBehalfOf() == null ? e.by() : e.by() + " (и.о. за " + e.onBehalfOf() + ")")).append(';').append(cell(e.changeId())).append(';')
                    .append(cell(e.payload().toString())).append("\r\n");
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
