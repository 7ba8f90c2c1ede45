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

    /** A published register on the citizens' list: its current version and the moment that version was published. */
    public record PublishedRegister(
            String id, String authority, int publishedVersion, String timeZone, Instant publishedAt) {
        /** The register's time zone, in which its publication's day is shown. */
        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(timeZone);
        }
    }

    /**
     * One page of the published registers whose id or authority contains {@code text} (case-insensitive; every one
     * when blank), by id, each with the moment of its latest publication: a page at a time and the same two queries
     * whatever the number of registers.
     */
    public List<PublishedRegister> published(String text, int offset, int limit) {
        return jdbc.sql("""
                        select r.register_id, r.authority, r.published_version, r.time_zone, p.published_at
                        from q_register r
                        join lateral (select published_at from q_publication p
                                      where p.register_id = r.register_id order by p.version desc limit 1) p on true
                        where r.published_version > 0 and (lower(r.register_id) like ? or lower(r.authority) like ?)
                        order by r.register_id limit ? offset ?""")
                .params(RegisterReadModel.containing(text), RegisterReadModel.containing(text), limit, offset)
                .query((rs, i) -> new PublishedRegister(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** How many registers {@link #published} pages through. */
    public long countPublished(String text) {
        return jdbc.sql("""
                        select count(*) from q_register r
                        where r.published_version > 0
                          and exists (select 1 from q_publication p where p.register_id = r.register_id)
                          and (lower(r.register_id) like ? or lower(r.authority) like ?)""")
                .params(RegisterReadModel.containing(text), RegisterReadModel.containing(text))
                .query(Long.class)
                .single();
    }
}
