package org.touchpoints.register.command.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.publication.PublicationResult;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.command.config.Actor;
import org.touchpoints.register.command.config.CommandClock;
import org.touchpoints.register.platform.web.ExpectedVersion;

/** Recording that the current version was published on the official site. */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/publications")
@Tag(name = "Публикация", description = "Размещение редакции перечня на официальном сайте")
public class PublicationCommandController {
    private final CommandGateway commands;
    private final CommandClock clock;

    public PublicationCommandController(CommandGateway commands, CommandClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * {@code publicationId}: the client's idempotency key (a retry with it repeats the first answer);
     * {@code sha256}: the hash of the downloaded CSV the publisher put on the site;
     * {@code expectedVersion}: the register's version the publisher saw (or the If-Match header).
     */
    public record PublicationRequest(
            String publicationId, String url, Instant publishedAt, String sha256, Long expectedVersion) {}

    @PostMapping
    @Operation(
            summary = "Отметить публикацию текущей редакции (ответственный за публикацию)",
            description =
                    "Пример: {\"url\":\"https://uggi.admin-smolensk.ru/perechen\",\"publishedAt\":\"2024-12-27T09:00:00Z\"}. "
                            + "Редакция охватывает все утверждённые и ещё не опубликованные изменения; sha256 — хеш её CSV-выгрузки. "
                            + "Необязательное поле sha256 — хеш скачанной для публикации CSV-выгрузки: если перечень с тех пор изменился, "
                            + "публикация отклоняется (409 publishedContentIsTheDownloadedOne). "
                            + "Необязательно: publicationId — ключ идемпотентности клиента (повтор с тем же publicationId возвращает "
                            + "прежний ответ и ничего не записывает); версия перечня, которую вы видели (If-Match с ETag из "
                            + "GET /registers/{id}/rows или поле expectedVersion) — если перечень с тех пор изменился, 409 "
                            + "expectedRegisterVersionIsCurrent.")
    public ResponseEntity<Map<String, Object>> publish(
            @PathVariable String registerId,
            @RequestHeader(value = ExpectedVersion.HEADER, required = false) String ifMatch,
            @RequestBody PublicationRequest body) {
        PublicationResult result = commands.sendAndWait(new PublishCommand(
                registerId,
                body.publicationId(),
                body.url(),
                body.publishedAt(),
                body.sha256(),
                ExpectedVersion.of(ifMatch, body.expectedVersion()),
                Actor.current(),
                clock.now()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("version", result.version());
        response.put("coveredChangeIds", result.coveredChangeIds());
        response.put("sha256", result.sha256());
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }
}
