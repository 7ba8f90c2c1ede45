package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.query.register.RegisterReadModel;

/** The read side knows which division owns which process, as the register does: defined, or added by a change. */
class DivisionProcessesIT extends ApplicationIT {
    @Autowired
    RegisterReadModel registers;

    @Test
    void aDivisionOwnsItsDefinedProcessesAndANewProcessOnceTheChangeAddingItIsApproved() {
        String id = newRegister();
        assertThat(registers.processesOwnedBy(id, Set.of("licensing"))).containsExactly(LICENSING_PROCESS);

        String process = "Выдача квалификационных аттестатов";
        Api.Response r = ok(api.as("initiator")
                .post(
                        "/api/v1/registers/" + id + "/changes",
                        Map.of(
                                "kind",
                                "ADD",
                                "reason",
                                "PROCESS_REGISTRY_CHANGED",
                                "row",
                                row(process, "Официальный сайт", "DIGITAL", List.of(1)))));
        String changeId = r.json().get("changeId").asString();
        assertThat(registers.processesOwnedBy(id, Set.of("licensing"))).doesNotContain(process); // not yet approved

        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));
        assertThat(registers.processesOwnedBy(id, Set.of("licensing")))
                .containsExactlyInAnyOrder(LICENSING_PROCESS, process);
        assertThat(registers.processesOwnedBy(id, Set.of("appeals"))).containsExactly(APPEALS_PROCESS);
        assertThat(registers.processesOwnedBy(id, Set.of())).isEmpty();
    }
}
