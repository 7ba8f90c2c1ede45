package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every rebuild, dead-letter retry and set-aside, and every calendar upload is in the admin audit with who (login and
 * name) and when; text an administrator sent never breaks a line of the log or of the audit.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminAuditIT extends ApplicationIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    Configuration axon;

    @Autowired
    @Qualifier("registerCache")
    Cache registerCache;

    @Test
    void rebuildsRetriesSetAsidesAndCalendarUploadsAreRecordedWithWhoAndWhen(CapturedOutput output) {
        Api admin = api.as("admin");
        String register = newRegister();
        PoisonedEvents.storePublicationAtTheStartOfTime(
                jdbc, axon.eventSerializer(), registerCache, register, clock.instant());

        Instant rebuiltAt = Instant.parse("2032-02-02T10:00:00Z");
        clock.set(rebuiltAt);
        ok(ReadModels.rebuild(admin));

        Instant retriedAt = Instant.parse("2032-02-02T10:05:00Z");
        clock.set(retriedAt);
        ok(admin.post("/api/v1/admin/dead-letters/retry?sequence=" + register, "{}"));

        Instant setAsideAt = Instant.parse("2032-02-02T10:10:00Z");
        clock.set(setAsideAt);
        JsonNode letter = ok(admin.get("/api/v1/admin/dead-letters?sequence=" + register))
                .json()
                .get(0);
        ok(admin.post(
                "/api/v1/admin/dead-letters/" + letter.get("id").asString() + "/set-aside",
                Map.of("reason", "Дата публикации вне допустимого диапазона")));

        Instant uploadedAt = Instant.parse("2032-02-02T10:15:00Z");
        clock.set(uploadedAt);
        String forged = "2032-02-02T10:15:00.000Z  INFO 1 --- [main] o.t.r.FORGED : пароль администратора сброшен";
        ok(admin.post(
                "/api/v1/calendar",
                Map.of(
                        "year",
                        2026,
                        "region",
                        "RU-YY",
                        "source",
                        "Постановление № 1 от 01.01.2026\n" + forged,
                        "nonWorkingDays",
                        List.of("2026-03-02"))));

        List<JsonNode> entries = new ArrayList<>();
        ok(api.as("auditor").get("/api/v1/admin/audit?from=2032-02-02T09:59:00Z&to=2032-02-02T11:00:00Z"))
                .json()
                .values()
                .forEach(entries::add);
        assertThat(entries)
                .extracting(e -> e.get("action").asString())
                .containsExactly("CALENDAR_UPLOADED", "DEAD_LETTER_SET_ASIDE", "DEAD_LETTERS_RETRIED", "REBUILD");
        for (JsonNode e : entries) {
            assertThat(e.get("actor").asString()).isEqualTo("admin");
            assertThat(e.get("actorName").asString()).isEqualTo("Администратор");
            assertThat(e.get("title").asString()).matches("(?s).*[А-Яа-я].*");
        }
        assertThat(Instant.parse(entries.get(3).get("at").asString())).isEqualTo(rebuiltAt);
        assertThat(Instant.parse(entries.get(2).get("at").asString())).isEqualTo(retriedAt);
        assertThat(Instant.parse(entries.get(1).get("at").asString())).isEqualTo(setAsideAt);
        assertThat(Instant.parse(entries.get(0).get("at").asString())).isEqualTo(uploadedAt);

        assertThat(entries.get(3).get("details").asString()).containsPattern("отложено: [1-9]");
        assertThat(entries.get(2).get("target").asString()).contains(register);
        assertThat(entries.get(1).get("target").asString())
                .contains(letter.get("eventId").asString(), register);
        assertThat(entries.get(1).get("details").asString())
                .contains(
                        "Дата публикации вне допустимого диапазона",
                        "org.springframework.dao.DataIntegrityViolationException");
        JsonNode upload = entries.get(0);
        assertThat(upload.get("target").asString()).contains("2026", "RU-YY");
        assertThat(upload.get("details").asString())
                .contains("Постановление № 1 от 01.01.2026", "FORGED")
                .doesNotContain("\n")
                .doesNotContain("\r");

        // the source reached the log on one line: no line of the log starts with the forged text
        assertThat(output.getAll()).contains("FORGED");
        assertThat(output.getAll()
                        .lines()
                        .filter(line -> line.startsWith(forged.substring(0, 20)) && line.contains("FORGED")))
                .isEmpty();
    }
}
