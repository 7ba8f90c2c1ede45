package org.touchpoints.register.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which inserts a rebuild sends as COPY, and how it writes their values (as pgjdbc would bind them). */
class CopyInsertTest {

    @Test
    void aPlainInsertOfParametersCastsAndIntegersIsACopy() {
        CopyInsert copy = CopyInsert.of("""
                        insert into q_change(change_id, register_id, chain, version)
                        values (?, ?, cast(? as jsonb), 1)""").orElseThrow();
        assertThat(copy.copy()).isEqualTo("copy q_change (change_id, register_id, chain, version) from stdin");
        assertThat(copy.onConflictDoNothing).isFalse();
        assertThat(text(copy.rows(List.<Object[]>of(new Object[] {"c-1", "r-1", "[\"a\\nb\"]"}))))
                .isEqualTo("c-1\tr-1\t[\"a\\\\nb\"]\t1\n");

        assertThat(CopyInsert.of("insert into q_history(register_id, sequence, payload)"
                                + " values (?, ?, cast(? as jsonb)) on conflict do nothing")
                        .orElseThrow()
                        .onConflictDoNothing)
                .as("copied in a savepoint, sent as inserts after a conflict")
                .isTrue();
    }

    @Test
    void aRowsInsertIsACopyItsEntryNumberTheColumnsDefault() {
        assertThat(CopyInsert.of("""
                                insert into q_row(register_id, row_id, content)
                                values (?, ?, cast(? as jsonb))""").orElseThrow().copy())
                .isEqualTo("copy q_row (register_id, row_id, content) from stdin");
    }

    @Test
    void anythingElseGoesAsABatch() {
        assertThat(CopyInsert.of("insert into q_row(register_id, row_id, entry_no, content)"
                        + " values (?, ?, nextval('q_row_entry_seq'), cast(? as jsonb))"))
                .as("a function of the row")
                .isEmpty();
        assertThat(CopyInsert.of("insert into q_division(register_id, division_id, name) values (?, ?, ?)"
                        + " on conflict (register_id, division_id) do update set name = excluded.name"))
                .as("an upsert")
                .isEmpty();
        assertThat(CopyInsert.of("insert into q_division_process(register_id, process_key) select ?, ? where not exists"
                        + " (select 1 from q_division_process where register_id = ?)"))
                .isEmpty();
        assertThat(CopyInsert.of("update q_change set version = version + 1 where change_id = ?"))
                .isEmpty();
        assertThat(CopyInsert.of("insert into q_a(x) values (?)")
                        .orElseThrow()
                        .rows(List.<Object[]>of(new Object[] {new java.math.BigDecimal("1.5")})))
                .as("a parameter type it does not write")
                .isNull();
    }

    @Test
    void valuesAreWrittenAsTheDriverBindsThem() {
        CopyInsert copy = CopyInsert.of("insert into q_a(a, b, c, d, e, f) values (?, ?, ?, ?, ?, ?)")
                .orElseThrow();
        Instant at = Instant.parse("2024-12-20T09:30:00.123456789Z");
        String text = text(copy.rows(List.<Object[]>of(new Object[] {
            null, 42L, true, Date.valueOf(LocalDate.of(2024, 12, 20)), Timestamp.from(at), "a\tb\\c\r\n"
        })));
        String[] values = text.substring(0, text.length() - 1).split("\t", -1);
        assertThat(values)
                .as("the tab inside the text is escaped, not a seventh column")
                .hasSize(6);
        assertThat(values[0]).isEqualTo("\\N");
        assertThat(values[1]).isEqualTo("42");
        assertThat(values[2]).isEqualTo("t");
        assertThat(values[3]).isEqualTo("2024-12-20");
        // the JVM's zone with its offset, rounded half up to the microsecond as pgjdbc rounds
        assertThat(OffsetDateTime.parse(values[4].replace(' ', 'T')).toInstant())
                .isEqualTo(Instant.parse("2024-12-20T09:30:00.123457Z"));
        assertThat(values[4])
                .endsWith(
                        ZoneId.systemDefault().getRules().getOffset(at).getId().replace("Z", "+00:00"));
        assertThat(values[5]).isEqualTo("a\\tb\\\\c\\r\\n");
    }

    private static String text(byte[] rows) {
        return new String(rows, StandardCharsets.UTF_8);
    }
}
