package org.touchpoints.register.command.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.touchpoints.register.api.procedure.ChangeProcedureCommand;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.register.DefineDivisionCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.command.config.Actor;
import org.touchpoints.register.command.config.CommandClock;
import org.touchpoints.register.command.importing.RegisterImporter;
import org.touchpoints.register.platform.account.RoleAssignments;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;

/** Setting up a register (admin): creation, divisions, members, initial import. */
@RestController
@RequestMapping("/api/v1/registers")
@Tag(name = "Перечни", description = "Создание перечня, подразделения, участники, первоначальная загрузка")
@PreAuthorize("hasRole('ADMIN')")
public class RegisterCommandController {
    private final CommandGateway commands;
    private final CommandClock clock;
    private final RoleAssignments roles;
    private final RegisterImporter importer;
    private final org.touchpoints.register.platform.audit.AdminAudit audit;

    public RegisterCommandController(
            CommandGateway commands,
            CommandClock clock,
            RoleAssignments roles,
            RegisterImporter importer,
            org.touchpoints.register.platform.audit.AdminAudit audit) {
        this.commands = commands;
        this.clock = clock;
        this.roles = roles;
        this.importer = importer;
        this.audit = audit;
    }

    /**
     * {@code procedure} (optional): a {@code preset} fills every field from its seed, fields beside it override; a
     * preset also suggests the time zone, template and region when they are not given.
     */
    public record CreateRegisterRequest(
            String id,
            String authority,
            String timeZone,
            Integer publicationDeadlineWorkingDays,
            Template template,
            String region,
            Procedure procedure) {}

    public record DivisionRequest(String id, String name, List<String> processes) {}

    public record MemberRequest(String username, MemberRole role, String division) {}

    @PostMapping
    @Operation(
            summary = "Создать перечень органа власти (администратор)",
            description =
                    "Пример: {\"id\":\"smolensk-gzhi\",\"authority\":\"ГЖИ Смоленской области\",\"timeZone\":\"Europe/Moscow\","
                            + "\"publicationDeadlineWorkingDays\":10,\"template\":\"SIX_COLUMN\"}")
    public ResponseEntity<Map<String, String>> create(@RequestBody CreateRegisterRequest body) {
        Procedure procedure = procedureOf(body.procedure(), body.publicationDeadlineWorkingDays());
        var preset = procedure == null ? null : procedure.preset();
        String timeZone = body.timeZone() == null && preset != null ? preset.timeZone() : body.timeZone();
        Template template = body.template() == null && preset != null ? preset.template() : body.template();
        String region = body.region() == null && preset != null ? preset.region() : body.region();
        if (preset != null && template != preset.template() && body.procedure().columnHeaders() == null) {
            procedure = procedure.withColumnHeaders(null); // the preset's headers are for its own template
        }
        if (body.id() == null || !RegisterRules.ID.matcher(body.id()).matches()) {
            // refused before the register is looked up by an id that cannot name one (PostgreSQL rejects a NUL in it)
            Violations.requireNoErrors(
                    "registerSettingsAreValid",
                    RegisterRules.registerSettingsAreValid(
                            body.id(),
                            body.authority(),
                            timeZone,
                            body.publicationDeadlineWorkingDays(),
                            template,
                            region));
        }
        commands.sendAndWait(new CreateRegisterCommand(
                body.id(),
                body.authority(),
                timeZone,
                procedure != null ? procedure.deadlineWorkingDays() : body.publicationDeadlineWorkingDays(),
                template,
                region,
                Actor.current(),
                clock.now(),
                procedure));
        return ResponseEntity.created(URI.create("/api/v1/registers/" + body.id()))
                .body(Map.of("id", body.id()));
    }

    @PutMapping("/{registerId}/procedure")
    @Operation(
            summary = "Изменить порядок ведения перечня (администратор)",
            description = "Тело — порядок: {\"preset\":\"NOVOSIBIRSK_GSN\"} или все поля (initiators, approvalSteps, "
                    + "approvalAct, deadlineWorkingDays, deadlineFrom, annualReviewBy, needs, directions, reasons, "
                    + "touchpointTypes, columnHeaders — заголовки столбцов шаблона, sharedProcesses — процесс может вестись "
                    + "несколькими подразделениями); поля рядом с preset его уточняют. Изменения, уже находящиеся на согласовании, "
                    + "завершаются по порядку, с которым начались.")
    public Map<String, Object> changeProcedure(@PathVariable String registerId, @RequestBody Procedure body) {
        Procedure procedure = procedureOf(body, null);
        commands.sendAndWait(new ChangeProcedureCommand(registerId, procedure, Actor.current(), clock.now()));
        audit.record(
                Actor.current(),
                org.touchpoints.register.platform.audit.AdminAudit.PROCEDURE_CHANGED,
                registerId,
                org.touchpoints.register.platform.audit.AdminAudit.procedureDetails(procedure));
        return Map.of("registerId", registerId, "procedure", procedure);
    }

    /**
     * The complete procedure a request describes: its preset's, overridden by the fields given beside it (without a
     * preset, every field must be given). {@code legacyDeadline}: the old body's publicationDeadlineWorkingDays, which
     * equals the procedure's deadline. Null when the request names no procedure.
     */
    static Procedure procedureOf(Procedure requested, Integer legacyDeadline) {
        if (requested == null) {
            return null;
        }
        Procedure base = requested.preset() != null ? requested.preset().procedure() : null;
        Procedure filled = base == null ? requested : base.overriddenBy(requested);
        if (legacyDeadline != null && requested.deadlineWorkingDays() == null) {
            filled = filled.withDeadline(legacyDeadline);
        }
        return filled;
    }

    @PostMapping("/{registerId}/divisions")
    @Operation(summary = "Определить подразделение и закрепить за ним процессы (администратор)")
    public ResponseEntity<Map<String, Object>> defineDivision(
            @PathVariable String registerId, @RequestBody DivisionRequest body) {
        commands.sendAndWait(new DefineDivisionCommand(
                registerId, body.id(), body.name(), body.processes(), Actor.current(), clock.now()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("registerId", registerId, "division", body.id()));
    }

    @PostMapping("/{registerId}/members")
    @Operation(
            summary = "Назначить роль учётной записи в перечне (администратор)",
            description =
                    "Роли: SPECIALIST и HEAD (с подразделением), DEPUTY, PUBLISHER, RESPONSIBLE, HEAD_OF_AUTHORITY.")
    public ResponseEntity<Map<String, Object>> assignMember(
            @PathVariable String registerId, @RequestBody MemberRequest body) {
        roles.give(registerId, body.username(), body.role(), body.division(), Actor.current(), clock.now());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("registerId", registerId);
        response.put("username", body.username());
        response.put("role", body.role());
        response.put("division", body.division());
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @DeleteMapping("/{registerId}/members/{username}")
    @Operation(
            summary = "Снять роль учётной записи в перечне (администратор)",
            description =
                    "?role=SPECIALIST|HEAD|DEPUTY|PUBLISHER, для ролей подразделения также &division=. С этого момента "
                            + "роль не действует ни в одном правиле (согласование, назначение исполняющих обязанности, публикация) и "
                            + "не даёт доступа к неопубликованному содержанию перечня; сделанное ранее остаётся. Роли, которой у "
                            + "учётной записи нет, — 404 (onlyAHeldRoleIsRevoked), поэтому повтор ничего не записывает.")
    public Map<String, Object> revokeMember(
            @PathVariable String registerId,
            @PathVariable String username,
            @RequestParam(required = false) MemberRole role,
            @RequestParam(required = false) String division) {
        String divisionId = roles.revoke(registerId, username, role, division, Actor.current(), clock.now());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("registerId", registerId);
        response.put("username", username);
        response.put("role", role);
        response.put("division", divisionId);
        response.put("status", "REVOKED");
        return response;
    }

    @PostMapping(value = "/{registerId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Первоначальная загрузка перечня из CSV, XLSX или DOCX (администратор)",
            description =
                    "dryRun=true проверяет файл, ничего не записывая. Файл с ошибками не загружается ни частично. "
                            + "warnings перечисляет по строкам всё, что выведено из текста (канал, потребности, адрес, пустые ячейки); "
                            + "rows — строки так, как они будут записаны.")
    public ResponseEntity<Object> importFile(
            @PathVariable String registerId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "file.csv" : file.getOriginalFilename();
        RegisterImporter.Report report =
                importer.importFile(registerId, file.getBytes(), name, Actor.current(), dryRun);
        if (!report.errors().isEmpty()) {
            var response = ProblemDetailsAdvice.problem(
                    HttpStatus.BAD_REQUEST,
                    "Файл не загружен: исправьте ошибки в указанных строках",
                    List.of(),
                    "importFileIsReadable");
            var pd = (org.springframework.http.ProblemDetail) response.getBody();
            pd.setProperty("imported", 0);
            pd.setProperty("readable", report.readable());
            pd.setProperty("dryRun", report.dryRun());
            pd.setProperty("duplicates", report.duplicates());
            pd.setProperty("errors", report.errors());
            pd.setProperty("warnings", report.warnings());
            pd.setProperty("rows", report.rows());
            return response;
        }
        return ResponseEntity.ok(report);
    }
}
