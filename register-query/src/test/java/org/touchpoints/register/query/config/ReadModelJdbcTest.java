package org.touchpoints.register.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rebuild's deferred writes are kept by the one rebuilt table each statement names (writes to different tables
 * commute); a statement naming none or several is sent in order after everything before it.
 */
class ReadModelJdbcTest {

    @Test
    void aStatementOfOneTableIsKeptWithThatTable() {
        assertThat(ReadModelJdbc.onlyTable("update q_change set version = version + 1 where change_id = ?"))
                .isEqualTo("q_change");
        assertThat(
                        ReadModelJdbc.onlyTable(
                                "insert into q_row(register_id, row_id, entry_no, content) values (?, ?, nextval('q_row_entry_seq'), cast(? as jsonb))"))
                .as("the sequence is q_row's own")
                .isEqualTo("q_row");
        assertThat(ReadModelJdbc.onlyTable("""
                        insert into q_division_process(register_id, process_key, process, division_id)
                        select ?, ?, ?, ? where not exists (
                            select 1 from q_division_process where register_id = ? and md5(process_key) = md5(?))
                        on conflict do nothing"""))
                .as("a statement that reads only its own table")
                .isEqualTo("q_division_process");
        assertThat(ReadModelJdbc.onlyTable("""
                        insert into q_register_version(register_id, version) values (?, ?)
                        on conflict (register_id) do update set version = greatest(q_register_version.version, excluded.version)"""))
                .as("q_register is not q_register_version")
                .isEqualTo("q_register_version");
    }

    @Test
    void aStatementOfNoneOrSeveralTablesIsSentInOrder() {
        assertThat(ReadModelJdbc.onlyTable("truncate q_change, q_change_timeline, q_approval_act"))
                .isEmpty();
        assertThat(ReadModelJdbc.onlyTable(
                        "update q_change set due_date = (select max(at) from q_history) where change_id = ?"))
                .isEmpty();
        assertThat(ReadModelJdbc.onlyTable("delete from reminder_outbox where id = ?"))
                .isEmpty();
        assertThat(ReadModelJdbc.onlyTable("UPDATE Q_CHANGE SET STATUS = ? WHERE CHANGE_ID = ?"))
                .isEqualTo("q_change");
    }

    @Test
    void writesOfOneRowEachGoInRoundsByStatementAndEachRowKeepsItsOrder() {
        String insert = "insert into q_change(change_id) values (?)";
        String step = "update q_change set status = ? where change_id = ?";
        String approve = "update q_change set approved_at = ? where change_id = ?";
        String many = "update q_change set status = ? where change_id = any(?)";
        assertThat(ReadModelJdbc.sendingOrder(List.of(
                        new Object[] {insert, "a"},
                        new Object[] {step, "a"},
                        new Object[] {insert, "b"},
                        new Object[] {approve, "z"},
                        new Object[] {step, "b"},
                        new Object[] {approve, "a"},
                        new Object[] {insert, "c"},
                        new Object[] {many, null},
                        new Object[] {step, "a"},
                        new Object[] {insert, "d"})))
                .as("a row's writes in their order, other rows' writes moved into runs; never across a write of"
                        + " several rows")
                .containsExactly(
                        insert + " a",
                        insert + " b",
                        insert + " c",
                        approve + " z",
                        step + " a",
                        step + " b",
                        approve + " a",
                        many,
                        step + " a",
                        insert + " d");
    }

    @Test
    void writesNotOfOneRowKeepTheirOrder() {
        String a = "insert into q_row(register_id, row_id, content) values (?, ?, ?)";
        String b = "update q_row set content = ? where register_id = ? and row_id = ?";
        assertThat(ReadModelJdbc.sendingOrder(
                        List.of(new Object[] {a, null}, new Object[] {b, null}, new Object[] {a, null})))
                .containsExactly(a, b, a);
    }
}
