package org.touchpoints.register.query.rebuild;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.query.config.Projections;

/**
 * The fresh tables a rebuild writes, beside the live ones: schema {@value #SCHEMA} holds an empty copy of every
 * rebuilt table ({@code like … including all}: columns, defaults, constraints, indexes) and of the sequences the
 * handlers name; a serial column (or one whose default is a sequence it owns, as {@code q_row.entry_no}) gets a
 * sequence of its own copy, named as the live one. The handlers' SQL names
 * its tables unqualified, so a transaction with {@code set local search_path} {@value #SEARCH_PATH} writes here.
 * {@link #swap} moves the copies into {@code public} and drops the tables they replace, in the caller's transaction.
 *
 * <p>For the speed of the replay the copies start {@code unlogged} (no WAL for each row) and without their secondary
 * indexes (those no primary key or unique constraint needs: the handlers read and upsert by those alone); once the
 * replay has caught up, {@link #complete} makes them logged (one pass over each table) and builds those indexes (one
 * sort each instead of an entry per row written, and per non-HOT update), before the switch.
 */
final class RebuildTables {
    static final String SCHEMA = "rebuild";
    static final String SEARCH_PATH = SCHEMA + ", public";
    private static final String RETIRED = "rebuild_retired";

    private final JdbcClient jdbc;
    /** The secondary indexes {@link #create} left out, as {@code create index} statements on the copies. */
    private final List<String> deferredIndexes = new ArrayList<>();

    RebuildTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty copies of the live tables in {@value #SCHEMA} (what an earlier, interrupted rebuild left is dropped). */
    void create() {
        drop();
        jdbc.sql("create schema " + SCHEMA).update();
        for (String table : Projections.REBUILT_TABLES) {
            jdbc.sql("create unlogged table " + SCHEMA + "." + table + " (like public." + table + " including all)")
                    .update();
            // no autovacuum while the replay fills it: its lock would hold up the switch (analyze() does its work)
            jdbc.sql("alter table " + SCHEMA + "." + table + " set (autovacuum_enabled = false)")
                    .update();
            keepIndexNames(table);
        }
        deferredIndexes.clear();
        deferredIndexes.addAll(jdbc.sql("""
                        select pg_get_indexdef(i.oid) from pg_index x
                        join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace
                        where n.nspname = ? and not x.indisunique and not x.indisprimary
                          and not exists (select 1 from pg_constraint c where c.conindid = i.oid)
                        order by t.relname, i.relname""").param(SCHEMA).query(String.class).list());
        for (String definition : deferredIndexes) {
            String name = definition.replaceFirst("^CREATE INDEX (\\S+) ON .*$", "$1");
            jdbc.sql("drop index " + SCHEMA + "." + name).update();
        }
        // a serial column's default still names the live table's sequence: give the copy its own, of the same name
        // (it replaces the live one at the switch: q_change_timeline_seq_seq, q_row_entry_seq)
        List<String[]> serials = jdbc.sql("""
                        select c.table_name, c.column_name,
                               (select s.relname from pg_class s where s.oid =
                                   pg_get_serial_sequence('public.' || c.table_name, c.column_name)::regclass)
                        from information_schema.columns c
                        where c.table_schema = ? and c.column_default like 'nextval(%'""")
                .param(SCHEMA)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        for (String[] serial : serials) {
            String sequence = SCHEMA + "." + (serial[2] != null ? serial[2] : serial[0] + "_" + serial[1] + "_seq");
            jdbc.sql("create sequence " + sequence + " owned by " + SCHEMA + "." + serial[0] + "." + serial[1])
                    .update();
            jdbc.sql("alter table " + SCHEMA + "." + serial[0] + " alter column " + serial[1] + " set default nextval('"
                            + sequence + "')")
                    .update();
        }
        for (String sequence : freeSequences()) {
            jdbc.sql("create sequence " + SCHEMA + "." + sequence).update();
        }
    }

    /**
     * Gives the copy's indexes (and so the constraints they back) the names of the live table's: {@code like … including
     * all} names them anew, and after the switch a migration that drops or replaces an index by its name (e.g.
     * {@code drop index if exists q_division_process_key}) would then miss it. Matched by definition (uniqueness,
     * method, columns, predicate).
     */
    private void keepIndexNames(String table) {
        List<String[]> live = indexes("public", table);
        for (String[] fresh : indexes(SCHEMA, table)) {
            for (Iterator<String[]> it = live.iterator(); it.hasNext(); ) {
                String[] same = it.next();
                if (same[1].equals(fresh[1])) {
                    it.remove();
                    if (!same[0].equals(fresh[0])) {
                        jdbc.sql("alter index " + SCHEMA + ".\"" + fresh[0] + "\" rename to \"" + same[0] + "\"")
                                .update();
                    }
                    break;
                }
            }
        }
    }

    /** Each index of the table: its name, and its definition without name and table. */
    private List<String[]> indexes(String schema, String table) {
        return new ArrayList<>(jdbc.sql("""
                        select i.relname, pg_get_indexdef(i.oid) from pg_index x
                        join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid
                        join pg_namespace n on n.oid = t.relnamespace
                        where n.nspname = ? and t.relname = ? order by i.relname""")
                .params(schema, table)
                .query((rs, i) -> {
                    String def = rs.getString(2);
                    return new String[] {
                        rs.getString(1),
                        (def.startsWith("CREATE UNIQUE") ? "unique" : "") + def.substring(def.indexOf(" USING "))
                    };
                })
                .list());
    }

    /**
     * Makes the caught-up copies what the live tables are: logged (each table written to the WAL once, so it
     * survives a crash after the switch), with the secondary indexes {@link #create} left out. The rebuild's
     * processors wait meanwhile (a table being rewritten or indexed takes no writes); commands do not.
     */
    void complete() {
        for (String table : Projections.REBUILT_TABLES) {
            jdbc.sql("alter table " + SCHEMA + "." + table + " set logged").update();
        }
        for (String definition : deferredIndexes) {
            jdbc.sql(definition).update();
        }
    }

    /** Statistics of the fresh tables, for the plans of the queries after the switch. */
    void analyze() {
        for (String table : Projections.REBUILT_TABLES) {
            jdbc.sql("analyze " + SCHEMA + "." + table).update();
        }
    }

    /**
     * Puts the fresh tables (and sequences) in place of the live ones and drops those; the caller's transaction holds
     * the live tables' locks already.
     */
    void swap() {
        List<String> sequences = freeSequences();
        jdbc.sql("drop schema if exists " + RETIRED + " cascade").update();
        jdbc.sql("create schema " + RETIRED).update();
        for (String table : Projections.REBUILT_TABLES) {
            jdbc.sql("alter table public." + table + " set schema " + RETIRED).update();
            jdbc.sql("alter table " + SCHEMA + "." + table + " set schema public")
                    .update();
            jdbc.sql("alter table public." + table + " reset (autovacuum_enabled)")
                    .update();
        }
        for (String sequence : sequences) {
            jdbc.sql("alter sequence public." + sequence + " set schema " + RETIRED)
                    .update();
            jdbc.sql("alter sequence " + SCHEMA + "." + sequence + " set schema public")
                    .update();
        }
        jdbc.sql("drop schema " + RETIRED + " cascade").update();
        jdbc.sql("drop schema " + SCHEMA + " cascade").update();
    }

    /** Drops the fresh tables (a failed or interrupted rebuild): the live ones stay as they are. */
    void drop() {
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
    }

    /** The live read models' sequences that no column owns (none since {@code q_row_entry_seq} is owned by its column). */
    private List<String> freeSequences() {
        return jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'S' and c.relname like 'q!_%' escape '!'
                          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                          and d.objid = c.oid and d.deptype in ('a', 'i'))
                        order by c.relname""").query(String.class).list();
    }
}
