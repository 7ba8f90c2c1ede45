package org.touchpoints.register.app.demo;

import java.util.List;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Template;

/**
 * A demo register, its divisions and accounts, as described in {@code demo/<id>.json}; {@code preset} (nullable) names
 * the procedure it runs (none: today's procedure, as {@code smolensk-gzhi}).
 */
record DemoData(Register register, List<Division> divisions, List<Account> accounts, String password) {
    record Register(
            String id,
            String authority,
            String timeZone,
            Integer publicationDeadlineWorkingDays,
            Template template,
            String region,
            String csv,
            ProcedurePreset preset) {}

    record Division(String id, String name, List<String> processes) {}

    record Account(String username, String displayName, String globalRole, List<Grant> grants) {}

    record Grant(MemberRole role, String division) {}
}
