package org.touchpoints.register.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditPageTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void anInitiatedChangeIsSummarisedInWordsWithItsFullRecordBeside() {
        var payload = MAPPER.readTree("""
                {"registerId":"r","changeId":"c-1","kind":"EDIT","reason":"CHANNEL_CHANGED","division":"licensing",
                 "before":{"touchpoint":{"name":"Телефон"}},"after":{"touchpoint":{"name":"<b>Сайт</b>"}},
                 "comment":null,"by":"initiator","at":"2024-12-20T09:00:00Z"}""");

        AuditPage.Line line = AuditPage.line(new HistoryReadModel.HistoryEntry(
                7, "ChangeInitiated", Instant.parse("2024-12-20T09:00:00Z"), "initiator", "c-1", payload));

        assertThat(line.title()).isEqualTo("Изменение предложено");
        assertThat(line.facts())
                .containsExactly(
                        java.util.Map.entry("Вид", "Изменение"),
                        java.util.Map.entry("Подразделение", "licensing"),
                        java.util.Map.entry("Основание", "Изменение канала взаимодействия"),
                        java.util.Map.entry("Было", "Телефон"),
                        java.util.Map.entry("Стало", "<b>Сайт</b>"));
        assertThat(line.json()).contains("\"changeId\" : \"c-1\"");
    }

    @Test
    void anUnknownEventKeepsItsNameAndShowsOnlyItsRecord() {
        var payload = MAPPER.readTree("{\"registerId\":\"r\",\"x\":1}");
        AuditPage.Line line = AuditPage.line(
                new HistoryReadModel.HistoryEntry(1, "SomethingNew", Instant.EPOCH, "admin", null, payload));
        assertThat(line.title()).isEqualTo("SomethingNew");
        assertThat(line.facts()).isEmpty();
    }

    @Test
    void aRegistersWordsNameItsDivisionsPeopleAndLocalTime() {
        var payload = MAPPER.readTree("""
                {"registerId":"r","changeId":"c-1","orderNumber":"15-п","orderDate":"2026-11-27","onBehalfOf":"deputy",
                 "by":"acting","at":"2026-11-27T06:05:00Z"}""");
        var words = new AuditPage.Words(
                java.time.ZoneId.of("Europe/Moscow"),
                java.util.Map.of("licensing", "Отдел лицензирования"),
                u -> switch (u) {
                    case "acting" -> "Петров П. П., начальник отдела";
                    case "deputy" -> "Сидоров С. С.";
                    default -> u;
                });

        AuditPage.Line line = AuditPage.line(
                new HistoryReadModel.HistoryEntry(
                        9, "DeputyApproved", Instant.parse("2026-11-27T06:05:00Z"), "acting", "c-1", payload),
                words);

        assertThat(line.title()).isEqualTo("Утверждено заместителем руководителя");
        assertThat(line.when()).isEqualTo("27.11.2026 09:05:00");
        assertThat(line.who()).isEqualTo("Петров П. П., начальник отдела (и.о. за Сидоров С. С.)");
        assertThat(line.factsText()).isEqualTo("Приказ №: 15-п; Дата приказа: 27.11.2026");
        assertThat(AuditPage.value("divisionId", MAPPER.readTree("{\"divisionId\":\"licensing\"}"), words))
                .isEqualTo("Отдел лицензирования");
    }
}
