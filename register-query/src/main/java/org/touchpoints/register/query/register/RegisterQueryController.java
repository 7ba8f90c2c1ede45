package org.touchpoints.register.query.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.platform.web.ExpectedVersion;
import org.touchpoints.register.query.paging.PageRequest;
import org.touchpoints.register.query.paging.Paged;

@RestController
@RequestMapping("/api/v1/registers")
@Tag(name = "Перечни")
public class RegisterQueryController {
    private final RegisterReadModel registers;
    private final RegisterTimeTravel timeTravel;
    private final RegisterReadAccess access;
    private final WholeRegisterList wholeList;

    public RegisterQueryController(
            RegisterReadModel registers,
            RegisterTimeTravel timeTravel,
            RegisterReadAccess access,
            WholeRegisterList wholeList) {
        this.registers = registers;
        this.timeTravel = timeTravel;
        this.access = access;
        this.wholeList = wholeList;
    }

    @GetMapping
    @Operation(
            summary = "Перечни, доступные вызывающему: число строк и номер опубликованной редакции",
            description = "Участник перечня видит перечни, в которых у него есть роль; аудитор и администратор — все. "
                    + "Опубликованные редакции всех перечней — на страницах /public. Перечни упорядочены по "
                    + "идентификатору и выдаются страницами: page (с 1) по size записей (без page и size — весь список; size не более "
                    + PageRequest.MAX_SIZE + "); заголовок X-Total-Count — "
                    + "число перечней всего, Link — ссылки first, prev, next, last.")
    public ResponseEntity<List<Map<String, Object>>> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        // a request with neither page nor size is answered by wholeList
        PageRequest request = PageRequest.of(page, size);
        RegisterReadAccess.Reader reader = access.reader();
        List<Map<String, Object>> items = registers.page(reader, request.offset(), request.size()).stream()
                .map(r -> summary(r.summary(), r.version()))
                .toList();
        return new Paged<>(items, registers.count(reader), request).response();
    }

    /**
     * The whole list (no {@code page}, no {@code size}: the contract's default), as {@link #list} answers it, from
     * {@link WholeRegisterList}: the entries of the registers that did not move are not written again.
     */
    @GetMapping(params = {"!page", "!size"})
    @Operation(hidden = true)
    public ResponseEntity<byte[]> wholeList() {
        WholeRegisterList.Body body = wholeList.of(access.reader());
        return ResponseEntity.ok()
                .header(Paged.TOTAL_COUNT, Integer.toString(body.count()))
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, Paged.TOTAL_COUNT + ", " + HttpHeaders.LINK)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body.json());
    }

    private Map<String, Object> summary(RegisterReadModel.RegisterSummary r) {
        return summary(r, registers.version(r.id()));
    }

    /** A register as the list of registers gives it. */
    static Map<String, Object> summary(RegisterReadModel.RegisterSummary r, long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("authority", r.authority());
        m.put("rowCount", r.rowCount());
        m.put("publishedVersion", r.publishedVersion());
        m.put("timeZone", r.timeZone());
        m.put("publicationDeadlineWorkingDays", r.publicationDeadlineWorkingDays());
        m.put("template", r.template());
        m.put("region", r.region());
        m.put("version", version);
        return m;
    }

    @GetMapping("/{registerId}")
    @Operation(
            summary = "Перечень: настройки и порядок ведения (procedure), заполненный полностью",
            description = "procedure: initiators, approvalSteps, approvalAct, deadlineWorkingDays, deadlineFrom, "
                    + "annualReviewBy, needs, directions, reasons, touchpointTypes; у перечня, созданного без порядка, — "
                    + "сегодняшний порядок (руководитель подразделения, затем заместитель; приказ по желанию).")
    public ResponseEntity<Map<String, Object>> register(@PathVariable String registerId) {
        RegisterReadModel.RegisterSummary r = registers.require(registerId);
        access.requireReadable(registerId);
        Map<String, Object> m = summary(r);
        m.put("procedure", registers.procedure(r.id()));
        return ResponseEntity.ok(m);
    }

    @GetMapping("/{registerId}/rows")
    @Operation(
            summary = "Строки перечня: текущие, на момент (asOf) или опубликованной редакции (version)",
            description = "Примеры: ?asOf=2024-12-27T09:00:00Z, ?version=1. Опубликованная редакция (version) доступна "
                    + "любому вошедшему; текущие строки и asOf — участникам перечня, аудитору и администратору. Текущие строки приходят с заголовком ETag — "
                    + "версией перечня (номер его последнего события); передайте её в If-Match при инициировании изменения "
                    + "или публикации, чтобы получить 409, если перечень тем временем изменился.")
    public ResponseEntity<List<RowView>> rows(
            @PathVariable String registerId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) Integer version) {
        Template template = registers.require(registerId).template();
        if (version == null || asOf != null) {
            access.requireReadable(registerId); // a published version is public; anything else is not
        }
        if (asOf != null && version != null) {
            throw ApiException.badRequest("asOf", "Укажите либо asOf, либо version, но не оба");
        }
        List<RegisterRow> rows;
        if (asOf != null) {
            rows = timeTravel.asOf(registerId, asOf);
        } else if (version != null) {
            rows = timeTravel
                    .version(registerId, version)
                    .orElseThrow(() -> ApiException.notFound("Редакция " + version + " перечня не опубликована"));
        } else {
            long current = registers.version(registerId); // read first: a race errs on the side of a 409 later
            return ResponseEntity.ok()
                    .eTag(ExpectedVersion.etag(current))
                    .body(RowView.of(template, registers.rows(registerId)));
        }
        return ResponseEntity.ok(RowView.of(template, rows));
    }
}
