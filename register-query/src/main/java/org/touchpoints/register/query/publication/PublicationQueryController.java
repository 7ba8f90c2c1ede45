package org.touchpoints.register.query.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.register.RegisterReadModel;

@RestController
@RequestMapping("/api/v1/registers/{registerId}/publications")
@Tag(name = "Публикация")
public class PublicationQueryController {
    public record PublicationView(
            int version,
            String url,
            Instant publishedAt,
            String by,
            List<String> coveredChangeIds,
            String sha256,
            String previousSha256,
            boolean late) {}

    private final JdbcClient jdbc;
    private final Json json;
    private final RegisterReadModel registers;

    public PublicationQueryController(JdbcClient jdbc, Json json, RegisterReadModel registers) {
        this.jdbc = jdbc;
        this.json = json;
        this.registers = registers;
    }

    @GetMapping
    @Operation(summary = "Опубликованные редакции: адрес, дата, охваченные изменения, sha256, признак просрочки")
    @SuppressWarnings("unchecked")
    public List<PublicationView> list(@PathVariable String registerId) {
        registers.require(registerId);
        return jdbc.sql("""
                        select p.version, p.url, p.published_at, p.by_user, p.covered, p.sha256, p.previous_sha256,
                               exists (select 1 from q_change c
                                       where c.change_id in (select jsonb_array_elements_text(p.covered))
                                         and c.due_date < cast(p.published_at at time zone r.time_zone as date)) as late
                        from q_publication p join q_register r on r.register_id = p.register_id
                        where p.register_id = ? order by p.version""")
                .param(registerId)
                .query((rs, i) -> new PublicationView(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        json.read(rs.getString(5), List.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8)))
                .list();
    }

    /** The moment of each register's latest publication (registers never published are absent), in one query. */
    public java.util.Map<String, Instant> latestPublishedAt() {
        java.util.Map<String, Instant> latest = new java.util.HashMap<>();
        jdbc.sql("select distinct on (register_id) register_id, published_at from q_publication"
                        + " order by register_id, version desc")
                .query((rs, i) -> latest.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        return latest;
    }
}
