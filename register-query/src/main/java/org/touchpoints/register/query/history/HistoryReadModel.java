package org.touchpoints.register.query.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.touchpoints.register.api.row.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the audit trail, filtered and in pages. */
@Repository
public class HistoryReadModel {
    public record HistoryEntry(long sequence, String event, Instant at, String by, String changeId, JsonNode payload) {
        /** Whose approval right an acting official ({@code by}) exercised, from the payload; null otherwise. */
        @JsonProperty("onBehalfOf")
        public String onBehalfOf() {
            JsonNode value = payload == null ? null : payload.get("onBehalfOf");
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /**
     * What the auditor asks for; null or blank fields do not filter.
     *
     * @param from events at or after (business time)
     * @param to   events before
     */
    public record Filter(String registerId, String event, String user, String changeId, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    public HistoryReadModel(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Every matching event, in order. */
    public List<HistoryEntry> entries(Filter filter) {
        return page(filter, 0, Integer.MAX_VALUE);
    }

    /** Matching events {@code offset} … {@code offset + limit - 1}, in order. */
    public List<HistoryEntry> page(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select sequence, event, at, by_user, change_id, payload from q_history" + where
                        + " order by sequence limit ? offset ?")
                .params(params)
                .query((rs, i) -> new HistoryEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        mapper.readTree(rs.getString(6))))
                .list();
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from q_history" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The accounts that recorded events in a register, for the auditor's filter. */
    public List<String> users(String registerId) {
        return jdbc.sql(
                        "select distinct by_user from q_history where register_id = ? and by_user is not null order by by_user")
                .param(registerId)
                .query(String.class)
                .list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where register_id = ?");
        params.add(f.registerId());
        if (!Text.isBlank(f.event())) {
            sql.append(" and event = ?");
            params.add(f.event().strip());
        }
        if (!Text.isBlank(f.user())) {
            sql.append(" and by_user = ?");
            params.add(f.user().strip());
        }
        if (!Text.isBlank(f.changeId())) {
            sql.append(" and change_id = ?");
            params.add(f.changeId().strip());
        }
        if (f.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(f.to()));
        }
        return sql.toString();
    }
}
