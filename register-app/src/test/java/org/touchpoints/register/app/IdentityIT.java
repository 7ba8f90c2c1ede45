package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.query.V7_80__process_keys_by_identity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.touchpoints.register.api.row.Identity;

/**
 * A touchpoint or process written another way is the same one, over HTTP (issue 11): the one-touchpoint rule, process
 * ownership and the form's live check compare as a person reads; invisible characters are refused with a field message.
 */
class IdentityIT extends ApplicationIT {
    static final String SITE =
            "Официальный сайт ГЖИ СО"; // in the licensing process of the real register, https://uggi.admin-smolensk.ru/

    @Autowired
    DataSource dataSource;

    private String importedRegister() throws Exception {
        String id = newRegister();
        ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + id + "/import",
                        "gzhi.csv",
                        Files.readAllBytes(Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"))));
        return id;
    }

    private static Map<String, Object> add(String process, String name, String address) {
        return Map.of(
                "kind",
                "ADD",
                "reason",
                "NEW_TOUCHPOINT",
                "row",
                Map.of(
                        "direction",
                        "Предоставление государственных услуг",
                        "process",
                        process,
                        "touchpoint",
                        Map.of("name", name, "channel", "DIGITAL", "address", address),
                        "needs",
                        List.of(1)));
    }

    @Test
    void theRealSiteWrittenAnotherWayIsRefusedAsTheSameTouchpoint() throws Exception {
        String id = importedRegister();
        for (Map<String, Object> same : List.of(
                add(LICENSING_PROCESS, SITE, "http://uggi.admin-smolensk.ru"),
                add(LICENSING_PROCESS, "Официальный\u00A0сайт ГЖИ СО", "https://uggi.admin-smolensk.ru/"),
                add(LICENSING_PROCESS, "Oфициальный сайт ГЖИ СО", "https://www.uggi.admin-smolensk.ru/#top"),
                add(LICENSING_PROCESS.replace(' ', '\u00A0'), SITE.toUpperCase(), "uggi.admin-smolensk.ru"))) {
            Api.Response r = api.as("initiator").post("/api/v1/registers/" + id + "/changes", same);
            assertThat(r.status()).as(same + " → " + r).isEqualTo(409);
            assertThat(r.json().get("rule").asString()).isEqualTo("oneTouchpointPerProcess");
        }
        Api.Response other = api.as("initiator")
                .post(
                        "/api/v1/registers/" + id + "/changes",
                        add(LICENSING_PROCESS, SITE, "https://uggi.admin-smolensk.ru/licenzirovanie"));
        assertThat(other.status())
                .as("another page of the site is another address")
                .isEqualTo(201);
    }

    @Test
    void aProcessNameWithANoBreakSpaceIsStillTheOwningDivisionsProcess() throws Exception {
        String id = importedRegister();
        Api.Response r = api.as("other-initiator")
                .post(
                        "/api/v1/registers/" + id + "/changes",
                        add(LICENSING_PROCESS.replaceFirst(" ", "\u00A0"), "Чат-бот", "https://t.me/gzhi67_bot"));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().get("rule").asString()).isEqualTo("onlyMembersOfTheOwningDivisionInitiate");
    }

    @Test
    void aZeroWidthSpaceIsRefusedWithAFieldMessage() throws Exception {
        String id = importedRegister();
        Api.Response r = api.as("initiator")
                .post(
                        "/api/v1/registers/" + id + "/changes",
                        add(LICENSING_PROCESS, "Офици\u200Bальный сайт ГЖИ СО", "https://uggi.admin-smolensk.ru/"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("rule").asString()).isEqualTo("textHasNoInvisibleCharacters");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("row.touchpoint.name");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("невидимые символы");
    }

    @Test
    void theFormsLiveCheckFindsTheSiteWrittenAnotherWay() throws Exception {
        String id = importedRegister();
        String path = "/registers/" + id + "/touchpoint-check?process="
                + encode(LICENSING_PROCESS.replace(' ', '\u00A0')) + "&name=" + encode("Oфициальный сайт ГЖИ СО")
                + "&address=" + encode("http://uggi.admin-smolensk.ru");
        Api.Response r = api.as("initiator").get(path);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("duplicate").asBoolean()).as(r.toString()).isTrue();
        Api.Response other = api.as("initiator")
                .get("/registers/" + id + "/touchpoint-check?process=" + encode(LICENSING_PROCESS) + "&name="
                        + encode(SITE) + "&address=" + encode("https://uggi.admin-smolensk.com"));
        assertThat(other.json().get("duplicate").asBoolean()).isFalse();
    }

    @Test
    void theMigrationRecomputesStoredProcessKeysAndMergesWhatNowReadsAsOne() throws Exception {
        String register = "mig-" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // keys as the older comparison (lower case, ё as е) stored them
        jdbc.update(
                "insert into q_division_process(register_id, process_key, process, division_id) values (?, ?, ?, ?)",
                register,
                "прием обращений № 59-фз",
                "Прием обращений № 59-ФЗ",
                "appeals");
        jdbc.update(
                "insert into q_division_process(register_id, process_key, process, division_id) values (?, ?, ?, ?)",
                register,
                "прием\u00A0обращений № 59-фз",
                "Прием\u00A0обращений № 59-ФЗ",
                "appeals"); // same owner: one row
        jdbc.update(
                "insert into q_division_process(register_id, process_key, process, division_id) values (?, ?, ?, ?)",
                register,
                "лицензирование",
                "Лицензирование",
                "licensing");

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new V7_80__process_keys_by_identity().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            connection.commit();
        }

        List<Map<String, Object>> left = jdbc.queryForList(
                "select process_key, process, division_id from q_division_process where register_id = ? order by process_key",
                register);
        assertThat(left).hasSize(2);
        assertThat(left.get(0)).containsEntry("process_key", "лицензирование");
        assertThat(left.get(1))
                .containsEntry("process_key", Identity.name("Прием обращений № 59-ФЗ"))
                .containsEntry("division_id", "appeals");
        // which of the two spellings is kept depends on where PostgreSQL put the rows; both read as the same process
        assertThat(Identity.name((String) left.get(1).get("process")))
                .isEqualTo(Identity.name("Прием обращений № 59-ФЗ"));
        jdbc.update("delete from q_division_process where register_id = ?", register);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
