package org.touchpoints.register.query.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;

/** The proposal form's direction hint finds a process as the register compares processes ({@link Identity}). */
class ProcessDirectionHintsTest {

    @Test
    void aProcessWrittenWithANoBreakSpaceOrALatinLookAlikeHintsTheDirectionOfTheSameProcess() {
        var rows = List.of(new RegisterRow(
                "r1",
                new RowContent(
                        "Государственный контроль (надзор)",
                        "Осуществление регионального государственного контроля",
                        new Touchpoint("Официальный сайт", Channel.DIGITAL, "https://example.ru"),
                        List.of(1),
                        null,
                        null,
                        null,
                        null)));

        var hints = ProposeChangePage.processDirections(rows);

        assertThat(hints.get(Identity.name("Осуществление\u00a0регионального государственного контроля")))
                .isEqualTo("Государственный контроль (надзор)");
        assertThat(hints.get(Identity.name("Oсуществление регионального  государственного контроля"))) // Latin «O»
                .isEqualTo("Государственный контроль (надзор)");
        assertThat(hints.get(Identity.name("Осуществление муниципального контроля")))
                .isNull();
    }
}
