package org.touchpoints.register.command.change;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.Ids;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ApprovalActResult;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ApproveStepCommand;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.DeputyApprovalResult;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.change.RecordApprovalActCommand;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.StepApprovalResult;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.command.config.Actor;
import org.touchpoints.register.command.config.CommandClock;
import org.touchpoints.register.command.lookup.ChangeLookup;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.platform.web.ExpectedVersion;

/** The approval chain over HTTP: initiate, approve (division head, deputy), reject, withdraw. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Изменения", description = "Инициирование и согласование изменений перечня")
public class ChangeCommandController {

    private final CommandGateway commands;
    private final ChangeLookup lookup;
    private final CommandClock clock;

    public ChangeCommandController(CommandGateway commands, ChangeLookup lookup, CommandClock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** {@code expectedVersion}: the register's version the specialist saw (or the If-Match header). */
    /**
     * {@code operations} (1 to 500), in place of {@code kind}/{@code rowId}/{@code row}: a change package.
     */
    public record InitiateChangeRequest(
            String changeId,
            ChangeKind kind,
            String rowId,
            RowContent row,
            ChangeReason reason,
            String comment,
            Long expectedVersion,
            java.util.List<PackageOperation> operations) {}

    /** {@code expectedVersion}: the change's version the approver saw (or the If-Match header). */
    public record CommentRequest(String comment, Long expectedVersion) {}

    public record DeputyApprovalRequest(
            String comment, String orderNumber, LocalDate orderDate, Long expectedVersion) {}

    public record RejectionRequest(String reason, Long expectedVersion) {}

    public record ApprovalActRequest(String actId, String number, LocalDate date, java.util.List<String> changeIds) {}

    public record WithdrawalRequest(Long expectedVersion) {}

    private static final String VERSIONS =
            " Необязательно: версия, которую вы видели (заголовок If-Match: \"N\" с ETag "
                    + "из GET /changes/{changeId} или поле expectedVersion); если изменение с тех пор изменилось — 409 "
                    + "expectedChangeVersionIsCurrent. Повтор того же действия тем же пользователем возвращает прежний ответ "
                    + "и ничего не записывает.";

    @PostMapping("/registers/{registerId}/changes")
    @Operation(
            summary = "Инициировать изменение (специалист подразделения)",
            description =
                    "Пример: {\"kind\":\"ADD\",\"row\":{\"direction\":\"Предоставление государственных услуг\","
                            + "\"process\":\"Лицензирование …\",\"touchpoint\":{\"name\":\"Telegram-канал\",\"channel\":\"DIGITAL\","
                            + "\"address\":\"https://t.me/example\"},\"needs\":[1,2]},\"reason\":\"NEW_TOUCHPOINT\"}. "
                            + "Повтор с тем же changeId и тем же телом ничего не записывает и возвращает тот же ответ. "
                            + "Необязательно: версия перечня, которую вы видели (If-Match с ETag из GET /registers/{id}/rows "
                            + "или поле expectedVersion); если перечень с тех пор изменился — 409 expectedRegisterVersionIsCurrent. "
                            + "Пакет изменений: вместо kind/rowId/row — operations: [{kind, rowId?, row?}, …] (от 1 до 500); "
                            + "одно изменение, одно согласование, все строки входят в перечень сразу; правила проверяются по "
                            + "перечню после всего пакета, нарушение любой операции отклоняет пакет целиком (поле operations[i]…).")
    public ResponseEntity<Map<String, Object>> initiate(
            @PathVariable String registerId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody InitiateChangeRequest body) {
        String changeId = body.changeId() == null ? UUID.randomUUID().toString() : body.changeId();
        // an id of ours is new; one of another register's changes is refused by the register, after its role checks
        boolean takenElsewhere = body.changeId() != null
                && Ids.isId(changeId)
                && lookup.registerOf(changeId)
                        .filter(owner -> !owner.equals(registerId))
                        .isPresent();
        ChangeStatus status;
        if (body.operations() != null) {
            if (body.kind() != null || body.rowId() != null || body.row() != null) {
                throw ApiException.badRequest(
                        "operations",
                        "Укажите либо операции пакета (operations), либо одну "
                                + "строку (kind, rowId, row), но не то и другое вместе");
            }
            status = commands.sendAndWait(new InitiateChangePackageCommand(
                    registerId,
                    changeId,
                    body.operations(),
                    body.reason(),
                    body.comment(),
                    ExpectedVersion.of(ifMatch, body.expectedVersion()),
                    Actor.current(),
                    clock.now(),
                    takenElsewhere));
        } else {
            status = commands.sendAndWait(new InitiateChangeCommand(
                    registerId,
                    changeId,
                    body.kind(),
                    body.rowId(),
                    body.row(),
                    body.reason(),
                    body.comment(),
                    ExpectedVersion.of(ifMatch, body.expectedVersion()),
                    Actor.current(),
                    clock.now(),
                    takenElsewhere));
        }
        return ResponseEntity.created(URI.create("/api/v1/changes/" + changeId))
                .body(Map.of("changeId", changeId, "status", status));
    }

    @PostMapping("/changes/{changeId}/division-approval")
    @Operation(
            summary = "Согласовать изменение (руководитель подразделения-инициатора или исполняющий его обязанности)",
            description = "Пример: {\"comment\":\"Согласовано\"}." + VERSIONS)
    public Map<String, Object> approveByDivision(
            @PathVariable String changeId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody(required = false) CommentRequest body) {
        CommentRequest b = body == null ? new CommentRequest(null, null) : body;
        ChangeStatus status = commands.sendAndWait(new ApproveByDivisionCommand(
                registerOf(changeId),
                changeId,
                b.comment(),
                ExpectedVersion.of(ifMatch, b.expectedVersion()),
                Actor.current(),
                clock.now()));
        return Map.of("changeId", changeId, "status", status);
    }

    @PostMapping("/changes/{changeId}/deputy-approval")
    @Operation(
            summary = "Утвердить изменение (заместитель руководителя или исполняющий его обязанности)",
            description =
                    "Необязательно: номер и дата приказа. Ответ содержит срок публикации в рабочих днях." + VERSIONS)
    public Map<String, Object> approveByDeputy(
            @PathVariable String changeId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody(required = false) DeputyApprovalRequest body) {
        DeputyApprovalRequest b = body == null ? new DeputyApprovalRequest(null, null, null, null) : body;
        DeputyApprovalResult result = commands.sendAndWait(new ApproveByDeputyCommand(
                registerOf(changeId),
                changeId,
                b.comment(),
                b.orderNumber(),
                b.orderDate(),
                ExpectedVersion.of(ifMatch, b.expectedVersion()),
                Actor.current(),
                clock.now()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("changeId", changeId);
        response.put("status", result.status());
        if (result.status() == ChangeStatus.APPROVED) {
            putDueDate(response, result.due());
        } else {
            response.put("pendingStep", StepApprovalResult.APPROVAL_ACT);
        }
        return response;
    }

    @PostMapping("/changes/{changeId}/approval")
    @Operation(
            summary = "Согласовать или утвердить изменение на его текущем шаге (тот, кто этот шаг выполняет)",
            description = "Шаги задаёт порядок ведения перечня: DIVISION_HEAD, RESPONSIBLE, DEPUTY, HEAD_OF_AUTHORITY. "
                    + "После последнего шага статус APPROVED (с dueDate) или, если порядок требует приказа, "
                    + "AWAITING_APPROVAL_ACT. Пример: {\"comment\":\"Согласовано\"}." + VERSIONS)
    public Map<String, Object> approve(
            @PathVariable String changeId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody(required = false) CommentRequest body) {
        CommentRequest b = body == null ? new CommentRequest(null, null) : body;
        StepApprovalResult result = commands.sendAndWait(new ApproveStepCommand(
                registerOf(changeId),
                changeId,
                b.comment(),
                ExpectedVersion.of(ifMatch, b.expectedVersion()),
                Actor.current(),
                clock.now()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("changeId", changeId);
        response.put("status", result.status());
        response.put("pendingStep", result.pendingStep());
        if (result.status() == ChangeStatus.APPROVED) {
            putDueDate(response, result.due());
        }
        return response;
    }

    @PostMapping("/registers/{registerId}/approval-acts")
    @Operation(
            summary = "Внести приказ, утверждающий изменения (заместитель, ответственное лицо или руководитель органа)",
            description = "Пример: {\"number\":\"15-п\",\"date\":\"2026-12-01\",\"changeIds\":[\"c-1\",\"c-2\"]}. "
                    + "Один приказ утверждает одно или несколько изменений, ожидающих приказа; каждое с этого момента в "
                    + "перечне. Приказ, датированный будущим днём или раньше последнего согласования, или изменение, не "
                    + "ожидающее приказа, отклоняются целиком. Повтор с тем же actId ничего не записывает.")
    public ResponseEntity<ApprovalActResult> recordAct(
            @PathVariable String registerId, @RequestBody ApprovalActRequest body) {
        String actId = body.actId() == null ? UUID.randomUUID().toString() : body.actId();
        ApprovalActResult result = commands.sendAndWait(new RecordApprovalActCommand(
                registerId, actId, body.number(), body.date(), body.changeIds(), Actor.current(), clock.now()));
        return ResponseEntity.created(
                        URI.create("/api/v1/registers/" + registerId + "/approval-acts/" + result.actId()))
                .body(result);
    }

    @PostMapping("/changes/{changeId}/rejection")
    @Operation(
            summary = "Отклонить изменение (согласующий на своём шаге), с указанием причины",
            description = "Пример: {\"reason\":\"Нет основания\"}." + VERSIONS)
    public Map<String, Object> reject(
            @PathVariable String changeId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody(required = false) RejectionRequest body) {
        RejectionRequest b = body == null ? new RejectionRequest(null, null) : body;
        ChangeStatus status = commands.sendAndWait(new RejectChangeCommand(
                registerOf(changeId),
                changeId,
                b.reason(),
                ExpectedVersion.of(ifMatch, b.expectedVersion()),
                Actor.current(),
                clock.now()));
        return Map.of("changeId", changeId, "status", status);
    }

    @PostMapping("/changes/{changeId}/withdrawal")
    @Operation(
            summary = "Отозвать изменение (инициатор, до утверждения)",
            description = "Тело не обязательно." + VERSIONS)
    public Map<String, Object> withdraw(
            @PathVariable String changeId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody(required = false) WithdrawalRequest body) {
        ChangeStatus status = commands.sendAndWait(new WithdrawChangeCommand(
                registerOf(changeId),
                changeId,
                ExpectedVersion.of(ifMatch, body == null ? null : body.expectedVersion()),
                Actor.current(),
                clock.now()));
        return Map.of("changeId", changeId, "status", status);
    }

    private String registerOf(String changeId) {
        if (!Ids.isId(changeId)) {
            throw ApiException.notFound("Изменение не найдено");
        }
        return lookup.registerOf(changeId)
                .orElseThrow(() -> ApiException.notFound("Изменение «" + changeId + "» не найдено"));
    }

    /**
     * The due date of an approved change, as the register recorded it in the approval event, and what a person must
     * know of it (a federal-only count, a refused one). No read model is asked: the answer is the command's.
     */
    private static void putDueDate(Map<String, Object> response, PublicationDue due) {
        response.put("dueDate", due == null ? null : due.dueDate());
        if (due != null && due.note() != null) {
            response.put(
                    "dueDateNote", due.note()); // counted by the federal calendar alone, by an administrator's mark
        }
        if (due != null && due.problem() != null) {
            response.put("dueDateProblem", due.problem()); // the count was refused: a calendar year is not loaded
        }
    }
}
