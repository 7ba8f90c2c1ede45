package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.procedure.ProcedureChanged;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;

/** Events stored before a shape grew are read by the application's serializer (Jackson 3, Axon's defaults). */
class EventShapesTest {
    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aRowImportedRecordedBeforeTheFilesNumbersWereKeptReadsWithoutANumber() {
        String before = """
                {"registerId":"smolensk-gzhi","rowId":"r-1","row":{"direction":"Предоставление государственных услуг",
                 "process":"Лицензирование","touchpoint":{"name":"ЕПГУ","channel":"DIGITAL","address":null},"needs":[1],
                 "otherNeed":null,"interaction":"Получение информации","features":"Взаимодействие в цифровой точке",
                 "division":"licensing"},"source":"gzhi.csv","by":"admin","at":"2024-03-01T07:00:00Z"}""";
        RowImported e = (RowImported) serializer.deserialize(new SimpleSerializedObject<>(
                before.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                new SimpleSerializedType(RowImported.class.getName(), null)));
        assertThat(e.groupNo()).isNull();
        assertThat(e)
                .isEqualTo(new RowImported(
                        "smolensk-gzhi",
                        "r-1",
                        new RowContent(
                                "Предоставление государственных услуг",
                                "Лицензирование",
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, null),
                                List.of(1),
                                null,
                                "Получение информации",
                                "Взаимодействие в цифровой точке",
                                "licensing"),
                        "gzhi.csv",
                        "admin",
                        Instant.parse("2024-03-01T07:00:00Z")));
    }

    @Test
    void aRowImportedWithTheFilesNumberRoundTrips() {
        RowImported e = new RowImported(
                "m",
                "r-1",
                new RowContent(
                        "Информирование",
                        "Информирование",
                        new Touchpoint("Сайт", Channel.DIGITAL, "https://dpt.admin-smolensk.ru/"),
                        List.of(1),
                        null,
                        "Получение информации",
                        "Цифровая точка",
                        null),
                "004.csv",
                "admin",
                Instant.parse("2024-03-20T07:00:00Z"),
                3);
        byte[] data = serializer.serialize(e, byte[].class).getData();
        assertThat(serializer.<byte[], RowImported>deserialize(new SimpleSerializedObject<>(
                        data, byte[].class, new SimpleSerializedType(RowImported.class.getName(), null))))
                .isEqualTo(e);
    }

    @Test
    void aRowWithATouchpointTypeRoundTrips() {
        RowImported e = new RowImported(
                "m",
                "r-2",
                new RowContent(
                        "Информирование",
                        "Информирование",
                        new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 20-55-11", "phone"),
                        List.of(1),
                        null,
                        "Получение информации",
                        "Офлайн-точка",
                        null),
                "004.csv",
                "admin",
                Instant.parse("2024-03-20T07:00:00Z"),
                4);
        byte[] data = serializer.serialize(e, byte[].class).getData();
        assertThat(serializer.<byte[], RowImported>deserialize(new SimpleSerializedObject<>(
                        data, byte[].class, new SimpleSerializedType(RowImported.class.getName(), null))))
                .isEqualTo(e);
    }

    @Test
    void aProcedureRecordedBeforeProcessesCouldBeSharedReadsAsNotShared() {
        String before = """
                {"registerId":"nsk","procedure":{"preset":"NOVOSIBIRSK_GSN","initiators":["DIVISION"],
                 "approvalSteps":["DIVISION_HEAD","DEPUTY"],"approvalAct":"REQUIRED","deadlineWorkingDays":5,
                 "deadlineFrom":"APPROVAL_ACT","annualReviewBy":null,"needs":[{"code":1,"title":"Получение информации"}],
                 "directions":["Государственный контроль (надзор)"],"reasons":["NEEDS_CHANGED"],"touchpointTypes":[],
                 "columnHeaders":null},"by":"admin","at":"2024-03-01T07:00:00Z"}""";
        ProcedureChanged e = (ProcedureChanged) serializer.deserialize(new SimpleSerializedObject<>(
                before.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                new SimpleSerializedType(ProcedureChanged.class.getName(), null)));
        assertThat(e.procedure().sharedProcesses()).isNull();
        assertThat(e.procedure().processesMayBeShared()).isFalse();
    }

    @Test
    void aProcedureThatSharesProcessesRoundTrips() {
        ProcedureChanged e = new ProcedureChanged(
                "nsk", ProcedurePreset.NOVOSIBIRSK_GSN.procedure(), "admin", Instant.parse("2024-03-01T07:00:00Z"));
        assertThat(e.procedure().processesMayBeShared()).isTrue();
        byte[] data = serializer.serialize(e, byte[].class).getData();
        assertThat(serializer.<byte[], ProcedureChanged>deserialize(new SimpleSerializedObject<>(
                        data, byte[].class, new SimpleSerializedType(ProcedureChanged.class.getName(), null))))
                .isEqualTo(e);
    }

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, new SimpleSerializedType(type.getName(), null)));
    }

    @Test
    void aDeputyApprovalRecordedBeforeDueDatesWereRecordedReadsWithoutOne() {
        DeputyApproved e = read("""
                {"registerId":"smolensk-gzhi","changeId":"c-1","comment":null,"orderNumber":"15-п",
                 "orderDate":"2024-03-05","onBehalfOf":null,"by":"deputy","at":"2024-03-06T07:00:00Z"}""", DeputyApproved.class);
        assertThat(e.due())
                .as("counted by the readers' fallback rule from the event's own dates")
                .isNull();
        assertThat(e)
                .isEqualTo(new DeputyApproved(
                        "smolensk-gzhi",
                        "c-1",
                        null,
                        "15-п",
                        java.time.LocalDate.of(2024, 3, 5),
                        null,
                        "deputy",
                        Instant.parse("2024-03-06T07:00:00Z")));
    }

    @Test
    void aChangeApprovedRecordedBeforeDueDatesWereRecordedReadsWithoutOne() {
        ChangeApproved e = read("""
                {"registerId":"nsk","changeId":"c-1","step":null,"comment":null,"actId":"act-1","actNumber":"15-п",
                 "actDate":"2024-03-07","onBehalfOf":null,"by":"deputy","at":"2024-03-12T07:00:00Z"}""", ChangeApproved.class);
        assertThat(e.due()).isNull();
        assertThat(e.actDate()).isEqualTo(java.time.LocalDate.of(2024, 3, 7));
    }

    @Test
    void anApprovalWithItsDueDateRoundTrips() {
        DeputyApproved e = new DeputyApproved(
                "m",
                "c-1",
                null,
                null,
                null,
                null,
                "deputy",
                Instant.parse("2024-04-08T07:00:00Z"),
                new PublicationDue(
                        java.time.LocalDate.of(2024, 4, 8),
                        10,
                        java.time.LocalDate.of(2024, 4, 25),
                        null,
                        null,
                        null,
                        "federal/2024@00000000,region/RU-DA/2024@11111111"));
        byte[] data = serializer.serialize(e, byte[].class).getData();
        assertThat(serializer.<byte[], DeputyApproved>deserialize(new SimpleSerializedObject<>(
                        data, byte[].class, new SimpleSerializedType(DeputyApproved.class.getName(), null))))
                .isEqualTo(e);
    }

    @Test
    void aChangeInitiatedRecordedBeforePackagesReadsAsAChangeOfOneRow() {
        String before = """
                {"registerId":"smolensk-gzhi","changeId":"c-1","kind":"REMOVE","rowId":"r-1","before":{"direction":"Информирование",
                 "process":"Информирование","touchpoint":{"name":"Сайт","channel":"DIGITAL","address":null},"needs":[1],
                 "otherNeed":null,"interaction":"Получение информации","features":"Цифровая точка","division":"licensing"},
                 "after":null,"reason":"TOUCHPOINT_EXCLUDED","comment":null,"division":"licensing","by":"initiator",
                 "at":"2024-03-04T07:00:00Z"}""";
        ChangeInitiated e = (ChangeInitiated) serializer.deserialize(new SimpleSerializedObject<>(
                before.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                new SimpleSerializedType(ChangeInitiated.class.getName(), null)));
        assertThat(e.operations()).isNull();
        assertThat(e.chain()).isNull();
        assertThat(e.severalRows()).isFalse();
        assertThat(e.rowChanges()).containsExactly(new RowChange(ChangeKind.REMOVE, "r-1", e.before(), null));
    }

    @Test
    void aChangePackageRoundTripsAndComputedViewsAreNotStored() {
        RowContent row = new RowContent(
                "Информирование",
                "Информирование",
                new Touchpoint("Сайт", Channel.DIGITAL, null),
                List.of(1),
                null,
                "Получение информации",
                "Цифровая точка",
                "licensing");
        ChangeInitiated e = ChangeInitiated.ofPackage(
                "m",
                "p-1",
                List.of(
                        new RowChange(ChangeKind.ADD, "p-1-1", null, row),
                        new RowChange(ChangeKind.REMOVE, "r-2", row, null)),
                ChangeReason.OTHER,
                null,
                "licensing",
                "initiator",
                Instant.parse("2024-03-04T07:00:00Z"),
                null);
        byte[] data = serializer.serialize(e, byte[].class).getData();
        String json = new String(data, StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("rowChanges").doesNotContain("severalRows");
        assertThat(serializer.<byte[], ChangeInitiated>deserialize(new SimpleSerializedObject<>(
                        data, byte[].class, new SimpleSerializedType(ChangeInitiated.class.getName(), null))))
                .isEqualTo(e);
    }
}
