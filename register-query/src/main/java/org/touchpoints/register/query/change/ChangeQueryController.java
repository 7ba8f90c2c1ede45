package org.touchpoints.register.query.change;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.platform.web.ExpectedVersion;
import org.touchpoints.register.query.paging.PageRequest;
import org.touchpoints.register.query.paging.Paged;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Изменения")
public class ChangeQueryController {
    private final ChangeReadModel changes;
    private final RegisterReadModel registers;
    private final RegisterReadAccess access;

    public ChangeQueryController(ChangeReadModel changes, RegisterReadModel registers, RegisterReadAccess access) {
        this.changes = changes;
        this.registers = registers;
        this.access = access;
    }

    @GetMapping("/changes/{changeId}")
    @Operation(
            summary =
                    "Изменение: статус, строка до и после, хронология (кто, за кого, когда, комментарий), срок публикации",
            description =
                    "version (и заголовок ETag) — версия изменения, число его событий; передайте её при согласовании, "
                            + "отклонении или отзыве (If-Match или expectedVersion), чтобы не действовать по устаревшим данным. "
                            + "onBehalfOf в хронологии — чьё право осуществил исполняющий обязанности. Изменение перечня, в котором "
                            + "у вызывающего нет роли (и нет роли аудитора или администратора), отвечает 404, как неизвестное: "
                            + "ответ не выдаёт, есть ли в чужом перечне изменение с таким идентификатором.")
    public ResponseEntity<ChangeView> change(@PathVariable String changeId) {
        ChangeView view = changes.requireReadable(changeId, access);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(view.version())).body(view);
    }

    @GetMapping("/registers/{registerId}/changes")
    @Operation(
            summary = "Изменения перечня с отбором по статусу, подразделению и периоду инициирования",
            description = "Изменения упорядочены по времени инициирования и выдаются страницами: page (с 1) по size "
                    + "записей (без page и size — весь список; size не более " + PageRequest.MAX_SIZE
                    + "); заголовок X-Total-Count — число подходящих изменений, Link — ссылки first, prev, next, last.")
    public ResponseEntity<List<ChangeView>> list(
            @PathVariable String registerId,
            @RequestParam(required = false) ChangeStatus status,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        registers.require(registerId);
        access.requireReadable(registerId);
        var filter = new ChangeReadModel.Filter(registerId, status == null ? null : status.name(), division, from, to);
        return new Paged<>(changes.page(filter, request.offset(), request.size()), changes.count(filter), request)
                .response();
    }
}
