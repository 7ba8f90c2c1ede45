package org.touchpoints.register.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.query.register.RegisterReadModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/registers/{registerId}/history")
@Tag(name = "Аудит")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class HistoryQueryController {
    public record HistoryEntry(long sequence, String event, Instant at, String by, String changeId, JsonNode payload) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final RegisterReadModel registers;

    public HistoryQueryController(JdbcClient jdbc, JsonMapper mapper, RegisterReadModel registers) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.registers = registers;
    }

    @GetMapping
    @Operation(summary = "Все события перечня по порядку: кто, когда, что (для аудитора и администратора)")
    public List<HistoryEntry> history(@PathVariable String registerId, @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to) {
        return entries(registerId, from, to);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Журнал событий перечня в CSV (UTF-8, разделитель «;», для Excel)")
    public ResponseEntity<byte[]> export(@PathVariable String registerId, @RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to) {
        StringBuilder csv = new StringBuilder("\uFEFF№;Событие;Время (UTC);Кто;Изменение;Содержание\r\n");
        for (HistoryEntry e : entries(registerId, from, to)) {
            csv.append(e.sequence()).append(';').append(cell(e.event())).append(';').append(e.at()).append(';')
                    .append(cell(e.by())).append(';').append(cell(e.changeId())).append(';')
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

    private List<HistoryEntry> entries(String registerId, Instant from, Instant to) {
        registers.require(registerId);
        StringBuilder sql = new StringBuilder("""
                select sequence, event, at, by_user, change_id, payload from q_history where register_id = ?""");
        List<Object> params = new ArrayList<>(List.of(registerId));
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(to));
        }
        sql.append(" order by sequence");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), mapper.readTree(rs.getString(6))))
                .list();
    }
}
