package org.touchpoints.register.query.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.register.DefineDivisionCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.account.Account;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.platform.account.RoleAssignments;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.PageCommands;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewers;

/**
 * Setting a register up, in the order that works: settings (made on the new-register page) → divisions and their
 * processes → people and their roles → import. Divisions come before the import because the import gives each row
 * the division that owns its process; rows of a process nobody owns stay without a division, and no specialist may
 * propose a change to them. Every action sends the same command (through the same service) as the API.
 */
@UiController
public class RegisterSetupPage {
    /** The roles in a register, in Russian, in the order a page offers them. */
    public static final Map<String, String> ROLE_NAMES = roleNames();

    private final RegisterReadModel registers;
    private final PageCommands commands;
    private final RoleAssignments roles;
    private final AccountStore accounts;
    private final Viewers viewers;
    private final JdbcClient jdbc;
    private final Clock clock;

    public RegisterSetupPage(
            RegisterReadModel registers,
            PageCommands commands,
            RoleAssignments roles,
            AccountStore accounts,
            Viewers viewers,
            JdbcClient jdbc,
            Clock clock) {
        this.registers = registers;
        this.commands = commands;
        this.roles = roles;
        this.accounts = accounts;
        this.viewers = viewers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A division with the processes it owns; {@code alsoRunBy}: for a process other divisions run too (000 §2.6, 003
     * §2.3), their names.
     */
    public record DivisionView(String id, String name, List<String> processes, Map<String, String> alsoRunBy) {}

    /** A role held in the register, shown by the person's name. */
    public record MemberView(
            String username, String name, String role, String roleName, String division, String divisionName) {}

    /** The division form as typed. */
    public record DivisionForm(String id, String name, String processes) {}

    /** The role form as typed. */
    public record MemberForm(String username, String role, String division) {}

    @GetMapping("/registers/{registerId}/setup")
    String page(@PathVariable String registerId, @RequestParam(required = false) String done, Model model) {
        AdminOnly.require(model);
        registers.require(registerId);
        model.addAttribute("done", doneText(done));
        return render(registerId, new DivisionForm("", "", ""), null, new MemberForm("", "", ""), null, null, model);
    }

    @PostMapping("/registers/{registerId}/setup/divisions")
    String defineDivision(
            @PathVariable String registerId,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String processes,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        registers.require(registerId);
        List<String> list = processes == null
                ? List.of()
                : Arrays.stream(processes.split("\\R"))
                        .filter(p -> !Text.isBlank(p))
                        .map(String::strip)
                        .toList();
        String divisionId = id == null ? null : id.strip();
        PageCommands.Outcome<Object> outcome = commands.send(
                actor -> new DefineDivisionCommand(registerId, divisionId, name, list, actor.username(), actor.at()));
        if (outcome.refused()) {
            var v = outcome.refusal();
            response.setStatus(org.touchpoints.register.platform.web.ProblemDetailsAdvice.statusOf(v)
                    .value());
            return render(
                    registerId,
                    new DivisionForm(id, name, processes),
                    new AdminOnly.Refusal(response.getStatus(), v.message(), AdminOnly.byField(v.errors())),
                    new MemberForm("", "", ""),
                    null,
                    null,
                    model);
        }
        return "redirect:/registers/" + registerId + "/setup?done=division#divisions";
    }

    @PostMapping("/registers/{registerId}/setup/members")
    String giveRole(
            @PathVariable String registerId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String division,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        registers.require(registerId);
        MemberRole memberRole = role(role);
        try {
            roles.give(
                    registerId,
                    Text.isBlank(username) ? null : username,
                    memberRole,
                    Text.isBlank(division) ? null : division,
                    viewers.current().username(),
                    now());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            return render(
                    registerId,
                    new DivisionForm("", "", ""),
                    null,
                    new MemberForm(username, role, division),
                    refusal,
                    null,
                    model);
        }
        return "redirect:/registers/" + registerId + "/setup?done=role#people";
    }

    @PostMapping("/registers/{registerId}/setup/members/revoke")
    String revokeRole(
            @PathVariable String registerId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String division,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        registers.require(registerId);
        try {
            roles.revoke(
                    registerId,
                    username,
                    role(role),
                    division,
                    viewers.current().username(),
                    now());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            return render(
                    registerId, new DivisionForm("", "", ""), null, new MemberForm("", "", ""), null, refusal, model);
        }
        return "redirect:/registers/" + registerId + "/setup?done=revoked#people";
    }

    private String render(
            String registerId,
            DivisionForm divisionForm,
            AdminOnly.Refusal divisionRefusal,
            MemberForm memberForm,
            AdminOnly.Refusal memberRefusal,
            AdminOnly.Refusal revokeRefusal,
            Model model) {
        var register = registers.require(registerId);
        Map<String, String> divisionNames = registers.divisions(registerId);
        List<DivisionView> divisions = new ArrayList<>();
        Map<String, List<String>> owners = registers.processOwners(registerId);
        divisionNames.forEach((id, name) -> {
            List<String> processes = registers.processesOwnedBy(registerId, List.of(id));
            Map<String, String> others = new LinkedHashMap<>();
            for (String p : processes) {
                List<String> rest =
                        owners.getOrDefault(org.touchpoints.register.api.row.Identity.name(p), List.of()).stream()
                                .filter(o -> !o.equals(id))
                                .map(o -> divisionNames.getOrDefault(o, o))
                                .toList();
                if (!rest.isEmpty()) {
                    others.put(p, String.join(", ", rest));
                }
            }
            divisions.add(new DivisionView(id, name, processes, others));
        });
        List<Account> people = accounts.all();
        Map<String, String> names = new LinkedHashMap<>();
        people.forEach(a -> names.put(a.username(), Text.isBlank(a.displayName()) ? a.username() : a.displayName()));
        List<MemberView> members = jdbc.sql("select username, role, division_id from q_member where register_id = ? "
                        + "order by username, role, division_id")
                .param(registerId)
                .query((rs, i) -> {
                    String division = rs.getString(3).isEmpty() ? null : rs.getString(3);
                    return new MemberView(
                            rs.getString(1),
                            names.getOrDefault(rs.getString(1), rs.getString(1)),
                            rs.getString(2),
                            ROLE_NAMES.getOrDefault(rs.getString(2), rs.getString(2)),
                            division,
                            division == null ? null : divisionNames.getOrDefault(division, division));
                })
                .list();
        List<String> unowned =
                jdbc.sql("""
                        select distinct r.content::jsonb ->> 'process' from q_row r
                        where r.register_id = ? and coalesce(r.content::jsonb ->> 'division', '') = ''
                        order by 1""").param(registerId).query(String.class).list();
        model.addAttribute("register", register);
        model.addAttribute("divisions", divisions);
        model.addAttribute("members", members);
        model.addAttribute("people", people.stream().filter(Account::enabled).toList());
        model.addAttribute("roleNames", ROLE_NAMES);
        model.addAttribute("unowned", unowned);
        model.addAttribute("divisionForm", divisionForm);
        model.addAttribute("divisionRefusal", divisionRefusal);
        model.addAttribute("memberForm", memberForm);
        model.addAttribute("memberRefusal", memberRefusal);
        model.addAttribute("revokeRefusal", revokeRefusal);
        return "register-setup";
    }

    private static MemberRole role(String role) {
        return Arrays.stream(MemberRole.values())
                .filter(r -> r.name().equals(role))
                .findFirst()
                .orElse(null);
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String doneText(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Перечень создан. Теперь определите подразделения и закрепите за ними процессы.";
            case "division" -> "Подразделение записано.";
            case "role" -> "Роль назначена.";
            case "revoked" -> "Роль снята.";
            default -> null;
        };
    }

    private static Map<String, String> roleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("SPECIALIST", "Специалист подразделения");
        names.put("HEAD", "Руководитель подразделения");
        names.put("DEPUTY", "Заместитель руководителя, ответственный за клиентоцентричность");
        names.put("PUBLISHER", "Ответственный за публикацию");
        names.put("RESPONSIBLE", "Уполномоченное (ответственное) лицо перечня");
        names.put("HEAD_OF_AUTHORITY", "Руководитель органа (начальник, министр)");
        return java.util.Collections.unmodifiableMap(names);
    }

    /** Whether a role is held in a division (offered with the division list). */
    public static boolean divisional(String role) {
        return role != null
                && Arrays.stream(MemberRole.values()).anyMatch(r -> r.name().equals(role) && r.divisional());
    }
}
