package db.migration.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.touchpoints.register.api.row.Identity;

/**
 * q_division_process.process_key keeps its meaning — the process's comparison key — but the comparison is now
 * {@link Identity#name} (NFKC, invisible characters, look-alike letters…) instead of the older lower-case key. The
 * projection computes the key in Java; this recomputes the keys already stored so that the live table equals what a
 * rebuild from the events gives. Two stored processes that the new comparison reads as one (a name with a no-break
 * space beside the same name without it) become one: the entry recorded first is kept, as a rebuild keeps the owner
 * of the first approved proposal; a division definition naming the process later would override it on a rebuild, which
 * an administrator's rebuild of the read models reproduces exactly.
 */
public class V7_80__process_keys_by_identity extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        Set<String> seen = new HashSet<>();
        // the unique index as it stands (V8_60 made it one per process and division), restored as it was
        String index =
                "create unique index q_division_process_key on q_division_process (register_id, md5(process_key))";
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("select indexdef from pg_indexes where indexname = 'q_division_process_key'")) {
            if (rs.next()) {
                index = rs.getString(1);
            }
        }
        boolean perDivision = index.contains("division_id");
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery(
                        "select ctid::text, register_id, process, division_id from q_division_process order by ctid");
                PreparedStatement delete =
                        connection.prepareStatement("delete from q_division_process where ctid = ?::tid");
                PreparedStatement update = connection.prepareStatement(
                        "update q_division_process set process_key = ? where ctid = ?::tid")) {
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
            for (String[] r : rows) {
                String key = Identity.name(r[2]);
                if (!seen.add(r[1] + "\u0000" + key + (perDivision ? "\u0000" + r[3] : ""))) {
                    delete.setString(1, r[0]);
                    delete.executeUpdate();
                }
            }
            // drop the unique index while keys move (an old key may equal another row's new key), then restore it
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop index if exists q_division_process_key");
            }
            try (Statement again = connection.createStatement();
                    ResultSet left = again.executeQuery("select ctid::text, process from q_division_process")) {
                while (left.next()) {
                    update.setString(1, Identity.name(left.getString(2)));
                    update.setString(2, left.getString(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
            try (Statement ddl = connection.createStatement()) {
                ddl.execute(index);
            }
        }
    }
}
