package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;

/** touchpointTypeFitsItsChannel: a procedure's touchpoint types bind a row's type and channel (004 §4, 001 §4.1). */
class TouchpointTypeRulesTest {
    private static final String HOTLINE = "Телефон горячей линии";
    private static final String HOTLINE_NUMBER = "8 (4812) 20-55-11";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** The register of {@link Given#register()}, created under the Minpromtorg preset (004). */
    private static List<Object> minpromtorg() {
        Procedure procedure = ProcedurePreset.SMOLENSK_MINPROMTORG.procedure();
        List<Object> events = new ArrayList<>(register());
        events.set(
                0,
                new RegisterCreated(
                        REGISTER,
                        AUTHORITY,
                        ZONE,
                        procedure.deadlineWorkingDays(),
                        TEMPLATE,
                        null,
                        ADMIN,
                        CREATED_AT,
                        procedure));
        return events;
    }

    private static InitiateChangeCommand propose(Touchpoint touchpoint) {
        RowContent draft =
                new RowContent(SERVICES, LICENSING_PROCESS, touchpoint, List.of(1, 2), null, null, null, null);
        return new InitiateChangeCommand(
                REGISTER,
                "c-1",
                ChangeKind.ADD,
                null,
                draft,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                null,
                SPECIALIST,
                INITIATED_AT);
    }

    @Test
    void aDigitalPhoneIsRefusedInARegisterWhoseProcedureHasTouchpointTypes() {
        fixture.given(minpromtorg())
                .when(propose(new Touchpoint(HOTLINE, Channel.DIGITAL, HOTLINE_NUMBER)))
                .expectException(fieldError("row.touchpoint.channel"))
                .expectExceptionMessage(rule("touchpointTypeFitsItsChannel"));
    }

    @Test
    void anOfflinePhoneIsAccepted() {
        fixture.given(minpromtorg())
                .when(propose(new Touchpoint(HOTLINE, Channel.OFFLINE, HOTLINE_NUMBER)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPhoneTypedAsPhoneIsAcceptedOffline() {
        fixture.given(minpromtorg())
                .when(propose(new Touchpoint(HOTLINE, Channel.OFFLINE, HOTLINE_NUMBER, "phone")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aTypeMustBeOneOfTheProceduresTypes() {
        fixture.given(minpromtorg())
                .when(propose(new Touchpoint(HOTLINE, Channel.OFFLINE, HOTLINE_NUMBER, "fax")))
                .expectException(fieldError("row.touchpoint.type"))
                .expectExceptionMessage(rule("touchpointTypeFitsItsChannel"));
    }

    @Test
    void theChannelMustBeTheTypesChannel() {
        fixture.given(minpromtorg())
                .when(propose(new Touchpoint("Горячая линия", Channel.DIGITAL, HOTLINE_NUMBER, "phone")))
                .expectException(fieldError("row.touchpoint.channel"))
                .expectExceptionMessage(rule("touchpointTypeFitsItsChannel"));
    }

    @Test
    void aRegisterWithoutItsOwnProcedureIsUntouched() {
        fixture.given(register())
                .when(propose(new Touchpoint(HOTLINE, Channel.DIGITAL, HOTLINE_NUMBER)))
                .expectSuccessfulHandlerExecution();
    }
}
