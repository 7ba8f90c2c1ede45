package org.touchpoints.register.query.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.register.RegisterTimeTravel;

/**
 * The register as a file in the authority's template: the current rows or a published version. The CSV is
 * the canonical text whose SHA-256 the {@code Published} event records, byte for byte.
 */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/export")
@Tag(name = "Перечни")
public class ExportController {
    private final RegisterReadModel registers;
    private final RegisterTimeTravel timeTravel;
    private final RegisterFiles files;
    private final RegisterReadAccess access;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    public ExportController(
            RegisterReadModel registers,
            RegisterTimeTravel timeTravel,
            RegisterFiles files,
            RegisterReadAccess access,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.timeTravel = timeTravel;
        this.files = files;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary =
                    "Выгрузить перечень по форме органа власти: csv (канонический текст, его SHA-256 записывается "
                            + "при публикации), csv-excel (UTF-8 с BOM, разделитель «;», для Excel), xlsx или docx; текущий или редакцию version",
            description = "Опубликованная редакция (version) доступна любому вошедшему; текущее состояние — участникам "
                    + "перечня, аудитору и администратору.")
    public ResponseEntity<byte[]> export(
            @PathVariable String registerId,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) Integer version) {
        RegisterReadModel.RegisterSummary register = registers.require(registerId);
        if (version == null) {
            access.requireReadable(registerId); // the current state may hold changes not yet published
        }
        RegisterFileFormat writer = files.format(format);
        List<RegisterRow> rows = version == null
                ? registers.rows(registerId)
                : timeTravel
                        .version(registerId, version)
                        .orElseThrow(() -> ApiException.notFound("Редакция " + version + " перечня не опубликована"));
        return files.download(register, rows, writer, version, approvals(registerId, version));
    }

    /**
     * The approving acts of the changes in the exported rows: every act so far for the current rows, the acts recorded
     * before version N was published for that version. «приказом от дд.мм.гггг № N».
     */
    private List<String> approvals(String registerId, Integer version) {
        return jdbc.sql("""
                        select a.number, a.act_date from q_approval_act a
                        where a.register_id = ? and (cast(? as integer) is null or a.recorded_at <= (
                            select p.published_at from q_publication p where p.register_id = a.register_id and p.version = ?))
                        order by a.act_date, a.recorded_at""")
                .params(registerId, version, version)
                .query((rs, i) -> "приказом от "
                        + rs.getDate(2).toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                        + " № " + rs.getString(1))
                .list();
    }
}
