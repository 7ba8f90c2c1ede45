package org.touchpoints.register.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.command.register.RowRules;

/**
 * Fills the event store of the running application directly, through Axon's own {@link JdbcEventStorageEngine}
 * with the application's serializer (Jackson 3, Axon's defaults, as {@code axon.serializer.*: jackson3}
 * configures it), so a million events take a minute instead of hours of HTTP. The events are those the
 * {@code Register} aggregate records for a register formed by import and then changed through the approval
 * chain: {@code RegisterCreated}, {@code DivisionDefined}, {@code MemberAssigned}, {@code RowImported} (with a
 * first publication), then thirty change lifecycles ({@code ChangeInitiated} → {@code DivisionApproved} →
 * {@code DeputyApproved}; additions, four edits, one removal) with a {@code Published} version after each burst
 * of changes. The last three changes of every register are approved but not yet published, approved in the days
 * before {@code now}, so the deadline dashboard has pending and at-risk entries; one register in fifty has one of
 * them overdue, and one in seven published a version late.
 *
 * <p>Registers are generated in blocks; within a block the change rounds of all its registers interleave, as
 * concurrent authorities' changes do. The application's live projections do not see these events (they are not
 * published on its event bus): a projection rebuild brings the read models up to date.
 */
public final class EventSeeder {
    static final int CHANGES = 30;
    private static final int BLOCK = 500;
    private static final int BATCH = 5_000;
    private static final int[] PUBLISH_AFTER = {10, 20, 27};
    private static final String[] DIVISIONS = {"licensing", "appeals", "control", "administration"};
    private static final String[] DIVISION_NAMES = {
        "Отдел лицензирования",
        "Отдел по работе с обращениями граждан",
        "Отдел государственного контроля (надзора)",
        "Административно-хозяйственный отдел"
    };
    private static final String[] DIRECTIONS = {
        "Предоставление государственных услуг",
        "Рассмотрение обращений и запросов",
        "Государственный контроль (надзор)",
        "Организация взаимодействия с внутренним клиентом (сотрудником)"
    };
    private static final String[][] PROCESSES = {
        {
            "Лицензирование предпринимательской деятельности по управлению многоквартирными домами",
            "Выдача дубликата лицензии и выписки из реестра лицензий"
        },
        {
            "Прием и рассмотрение обращений и запросов граждан и организаций",
            "Личный прием граждан руководством органа власти"
        },
        {
            "Региональный государственный жилищный контроль (надзор)",
            "Профилактика нарушений обязательных требований (консультирование, информирование)"
        },
        {
            "Обеспечение сотрудников рабочим местом и оргтехникой",
            "Оформление служебных командировок и отпусков сотрудников"
        }
    };
    private static final String[] TOUCHPOINTS = {
        "Официальный сайт органа власти",
        "Единый портал государственных услуг",
        "Телефон приемной",
        "Электронная почта",
        "Личный прием в здании органа власти",
        "Почта России",
        "Страница в социальной сети ВКонтакте",
        "Система электронного документооборота"
    };
    private static final int[][] NEEDS = {
        {1, 2}, {1, 2, 3}, {4, 5, 6}, {1, 4, 6}, {2, 8, 9}, {4, 6}, {1, 7}, {3, 4, 5, 6}
    };

    public record Seeded(
            long events, int registers, long rows, double seconds, List<String> registerIds, List<String> changeIds) {}

    private final JdbcEventStorageEngine engine;
    private final Jackson3Serializer serializer;
    private final Instant now;

    private EventSeeder(JdbcEventStorageEngine engine, Jackson3Serializer serializer, Instant now) {
        this.engine = engine;
        this.serializer = serializer;
        this.now = now;
    }

    /** The serializer of the application: Jackson 3 with Axon's defaults (no customizer, default revision resolver). */
    static Jackson3Serializer applicationSerializer() {
        return Jackson3Serializer.builder().build();
    }

    public static Seeded seed(String jdbcUrl, int registers, Instant now) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl + "?reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Jackson3Serializer serializer = applicationSerializer();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(ds::getConnection)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .schema(schema())
                    .build();
            return new EventSeeder(engine, serializer, now).run(registers);
        }
    }

    /**
     * Deserializes a stored payload with the seeder's serializer and serializes it again: equal bytes show the
     * seeded events are written as the application writes its own.
     */
    static boolean sameSerialization(String payloadType, byte[] stored) throws ClassNotFoundException {
        Jackson3Serializer serializer = applicationSerializer();
        Object event = serializer.deserialize(
                new SimpleSerializedObject<>(stored, byte[].class, new SimpleSerializedType(payloadType, null)));
        return java.util.Arrays.equals(
                stored, serializer.serialize(event, byte[].class).getData());
    }

    /** The table and column names of {@code AxonInfrastructure} (register-platform). */
    private static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    private Seeded run(int registers) throws Exception {
        long start = System.nanoTime();
        BlockingQueue<List<DomainEventMessage<?>>> batches = new ArrayBlockingQueue<>(4);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Long> written = writer.submit(() -> {
            long n = 0;
            while (true) {
                List<DomainEventMessage<?>> batch = batches.take();
                if (batch.isEmpty()) {
                    return n;
                }
                engine.appendEvents(batch);
                n += batch.size();
            }
        });
        List<String> registerIds = new ArrayList<>();
        List<String> changeIds = new ArrayList<>();
        long rows = 0;
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        try {
            for (int from = 0; from < registers; from += BLOCK) {
                List<Seed> block = new ArrayList<>();
                for (int i = from; i < Math.min(registers, from + BLOCK); i++) {
                    Seed s = new Seed(i);
                    block.add(s);
                    registerIds.add(s.id);
                    s.formation(batch);
                    batch = flush(batch, batches, writer, written);
                }
                for (int c = 1; c <= CHANGES; c++) {
                    for (Seed s : block) {
                        changeIds.add(s.change(c, batch));
                        batch = flush(batch, batches, writer, written);
                    }
                }
                for (Seed s : block) {
                    rows += s.rows.size();
                }
            }
            if (!batch.isEmpty()) {
                put(batches, batch, written);
            }
            put(batches, List.of(), written);
            long events = written.get();
            return new Seeded(events, registers, rows, (System.nanoTime() - start) / 1e9, registerIds, changeIds);
        } finally {
            writer.shutdownNow();
        }
    }

    private static List<DomainEventMessage<?>> flush(
            List<DomainEventMessage<?>> batch,
            BlockingQueue<List<DomainEventMessage<?>>> batches,
            ExecutorService writer,
            Future<Long> written)
            throws Exception {
        if (batch.size() < BATCH) {
            return batch;
        }
        put(batches, batch, written);
        return new ArrayList<>(BATCH);
    }

    private static void put(
            BlockingQueue<List<DomainEventMessage<?>>> batches, List<DomainEventMessage<?>> batch, Future<Long> written)
            throws Exception {
        while (!batches.offer(batch, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (written.isDone()) {
                written.get(); // the writer failed: throw its exception
                throw new IllegalStateException("The event writer stopped");
            }
        }
    }

    /** One register being generated: what its aggregate would know, to emit consistent events. */
    private final class Seed {
        private final int n;
        private final String id;
        private final ZoneId zone;
        private final Template template;
        private final Map<String, RowContent> rows = new LinkedHashMap<>();
        private final List<String> approvedUnpublished = new ArrayList<>();
        private long sequence;
        private int version;
        private String sha256;

        Seed(int n) {
            this.n = n;
            this.id = String.format("seed-%05d", n);
            this.zone = ZoneId.of(n % 3 == 0 ? "Europe/Moscow" : n % 3 == 1 ? "Europe/Astrakhan" : "Asia/Novosibirsk");
            this.template = n % 5 == 4 ? Template.FIVE_COLUMN : Template.SIX_COLUMN;
        }

        /** Creation, divisions, members, the import of the register's first rows and its first publication. */
        void formation(List<DomainEventMessage<?>> out) {
            Instant at = Instant.parse("2025-01-13T07:00:00Z").plusSeconds(2L * n);
            emit(
                    out,
                    new RegisterCreated(
                            id,
                            "Орган исполнительной власти субъекта № " + n,
                            zone.getId(),
                            n % 4 == 3 ? 5 : 10,
                            template,
                            n % 10 == 0 ? "RU-TA" : null,
                            "admin",
                            at));
            for (int d = 0; d < DIVISIONS.length; d++) {
                emit(out, new DivisionDefined(id, DIVISIONS[d], DIVISION_NAMES[d], List.of(PROCESSES[d]), "admin", at));
            }
            emit(out, new MemberAssigned(id, "initiator", MemberRole.SPECIALIST, "licensing", "admin", at));
            emit(out, new MemberAssigned(id, "division-head", MemberRole.HEAD, "licensing", "admin", at));
            emit(out, new MemberAssigned(id, "other-initiator", MemberRole.SPECIALIST, "appeals", "admin", at));
            emit(out, new MemberAssigned(id, "other-head", MemberRole.HEAD, "appeals", "admin", at));
            emit(out, new MemberAssigned(id, "deputy", MemberRole.DEPUTY, null, "admin", at));
            emit(out, new MemberAssigned(id, "publisher", MemberRole.PUBLISHER, null, "admin", at));
            int imported = RegisterBenchmark.ROWS - (CHANGES - 5) + 1; // 25 additions, 4 edits and 1 removal follow
            Instant importedAt = at.plusSeconds(60);
            for (int j = 0; j < imported; j++) {
                String rowId = UUID.nameUUIDFromBytes((id + "/perechen.xlsx/" + (j + 2)).getBytes())
                        .toString();
                RowContent row = row(j, 0);
                rows.put(rowId, row);
                emit(out, new RowImported(id, rowId, row, "perechen.xlsx", "admin", importedAt));
            }
            publish(out, importedAt.plus(Duration.ofDays(2)));
        }

        /**
         * The change round {@code c}: one change through the whole approval chain, and a publication after the
         * last change of a burst. Changes come in bursts of ten over five days (2025), published the day after
         * the burst (one register in seven publishes the second burst late); the last three are recent.
         */
        String change(int c, List<DomainEventMessage<?>> out) {
            int burst = (c - 1) / 10;
            Instant at = c <= 27
                    ? Instant.parse("2025-02-03T07:00:00Z")
                            .plus(Duration.ofDays(120L * burst))
                            .plus(Duration.ofHours(12L * ((c - 1) % 10)))
                            .plusSeconds(2L * n)
                    : now.minus(Duration.ofDays(n % 50 == 0 && c == 28 ? 30 : 2L * (31 - c)))
                            .minus(Duration.ofHours(2))
                            .minusSeconds(2L * n);
            String changeId = id + "-c" + c;
            boolean remove = c == 24;
            boolean edit = c % 5 == 4 && c < 20;
            ChangeInitiated initiated;
            if (edit || remove) {
                // rows of the licensing division, whose specialist and head are members
                String rowId = new ArrayList<>(rows.keySet()).get(4 * c);
                RowContent before = rows.get(rowId);
                RowContent after = remove ? null : edited(before, c);
                initiated = new ChangeInitiated(
                        id,
                        changeId,
                        remove ? ChangeKind.REMOVE : ChangeKind.EDIT,
                        rowId,
                        before,
                        after,
                        remove ? ChangeReason.TOUCHPOINT_EXCLUDED : ChangeReason.NEEDS_CHANGED,
                        remove ? "Точка больше не используется" : "Уточнены удовлетворяемые потребности",
                        before.division(),
                        "initiator",
                        at);
            } else {
                RowContent after = row(1000 + 4 * c + c % 2, c); // licensing or appeals
                initiated = new ChangeInitiated(
                        id,
                        changeId,
                        ChangeKind.ADD,
                        changeId,
                        null,
                        after,
                        ChangeReason.NEW_TOUCHPOINT,
                        "Открыта новая точка взаимодействия",
                        after.division(),
                        "licensing".equals(after.division()) ? "initiator" : "other-initiator",
                        at);
            }
            emit(out, initiated);
            Instant agreed = at.plus(Duration.ofMinutes(40));
            emit(
                    out,
                    new DivisionApproved(
                            id,
                            changeId,
                            c % 3 == 0 ? "Согласовано" : null,
                            null,
                            "licensing".equals(initiated.division()) ? "division-head" : "other-head",
                            agreed));
            Instant approved = agreed.plus(Duration.ofMinutes(50));
            boolean order = c % 4 == 0;
            emit(
                    out,
                    new DeputyApproved(
                            id,
                            changeId,
                            null,
                            order ? c + "-п" : null,
                            order ? LocalDate.ofInstant(approved, zone) : null,
                            null,
                            "deputy",
                            approved));
            switch (initiated.kind()) {
                case ADD, EDIT -> rows.put(initiated.rowId(), initiated.after());
                case REMOVE -> rows.remove(initiated.rowId());
            }
            approvedUnpublished.add(changeId);
            for (int p : PUBLISH_AFTER) {
                if (p == c) {
                    boolean late = n % 7 == 0 && c == 20;
                    publish(out, approved.plus(Duration.ofDays(late ? 18 : 1)));
                }
            }
            return changeId;
        }

        private void publish(List<DomainEventMessage<?>> out, Instant at) {
            List<RegisterRow> current = rows.entrySet().stream()
                    .map(e -> new RegisterRow(e.getKey(), e.getValue()))
                    .toList();
            String hash = RegisterCsv.sha256(RegisterCsv.render(template, current));
            version++;
            emit(
                    out,
                    new Published(
                            id,
                            version,
                            "https://organ-" + n + ".gov.ru/deyatelnost/perechen-tochek-v" + version,
                            at,
                            List.copyOf(approvedUnpublished),
                            hash,
                            sha256,
                            null,
                            "publisher",
                            at));
            sha256 = hash;
            approvedUnpublished.clear();
        }

        /** Row {@code j} of this register, as the import (or a proposal) records it after normalisation. */
        private RowContent row(int j, int round) {
            int d = j % 4;
            String process = PROCESSES[d][(j / 4) % 2];
            int kind = (j / 8) % TOUCHPOINTS.length;
            Channel channel = kind == 2 || kind == 4 || kind == 5 ? Channel.OFFLINE : Channel.DIGITAL;
            String address = switch (kind) {
                case 0 -> "https://organ-" + n + ".gov.ru/activity/" + j;
                case 1 -> "https://www.gosuslugi.ru/" + (600000 + n * 37 + j);
                case 2 -> String.format("+7 (4812) %02d-%02d-%02d", n % 100, j % 100, (n + j) % 100);
                case 3 -> "office" + j + "@organ-" + n + ".gov.ru";
                case 4 -> "г. Смоленск, ул. Октябрьской революции, д. " + (n % 90 + 1) + ", каб. " + (j % 400 + 1);
                case 5 -> "214000, г. Смоленск, а/я " + (j + 1);
                case 6 -> "https://vk.com/organ" + n;
                default -> null;
            };
            String name = TOUCHPOINTS[kind] + (round > 0 ? " (с " + round + "-й редакции)" : "") + " — точка " + j;
            String features = j % 5 == 0 ? "Прием документов по предварительной записи; срок ответа — 30 дней" : null;
            RowContent raw = new RowContent(
                    DIRECTIONS[d],
                    process,
                    new Touchpoint(name, channel, address),
                    List.of(NEEDS[j % NEEDS.length]).stream()
                            .flatMap(a -> java.util.Arrays.stream(a).boxed())
                            .toList(),
                    null,
                    null,
                    features,
                    null);
            return RowRules.normalise(raw, DIVISIONS[d]);
        }

        private RowContent edited(RowContent before, int c) {
            RowContent raw = new RowContent(
                    before.direction(),
                    before.process(),
                    before.touchpoint(),
                    List.of(1, 2, 4, 5, 6),
                    null,
                    null,
                    "Уточнено в редакции изменения " + c,
                    null);
            return RowRules.normalise(raw, before.division());
        }

        private void emit(List<DomainEventMessage<?>> out, Object event) {
            Instant at = ((org.touchpoints.register.api.RegisterEvent) event).at();
            out.add(new GenericDomainEventMessage<>(
                    "Register",
                    id,
                    sequence++,
                    event,
                    MetaData.emptyInstance(),
                    UUID.randomUUID().toString(),
                    at));
        }
    }
}
