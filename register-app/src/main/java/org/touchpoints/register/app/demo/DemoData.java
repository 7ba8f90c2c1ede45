package org.touchpoints.register.app.demo;

import java.util.List;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Template;

/** The demo register, its divisions and accounts, as described in {@code demo/smolensk-gzhi.json}. */
record DemoData(Register register, List<Division> divisions, List<Account> accounts, String password) {
    record Register(String id, String authority, String timeZone, Integer publicationDeadlineWorkingDays,
                    Template template, String region, String csv) {
    }

    record Division(String id, String name, List<String> processes) {
    }

    record Account(String username, String displayName, String globalRole, List<Grant> grants) {
    }

    record Grant(MemberRole role, String division) {
    }
}
