package org.touchpoints.register.query.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register filter of the audit and deadline pages. Up to {@value #DROP_DOWN_LIMIT} readable registers
 * ({@code register.ui.register-drop-down-limit}) it is a drop-down of all of them; beyond that (a region's ten thousand registers made a megabyte of options on every page)
 * it is a search field whose list holds only the registers that match what is typed: the page renders the matches of
 * the current value, and the script asks {@code GET /api/v1/register-suggestions?q=} as the person types.
 */
@RestController
@Tag(name = "Перечни")
public class RegisterPicker {
    /** Readable registers up to which the filter lists them all (the default of the setting). */
    public static final int DROP_DOWN_LIMIT = 200;
    /** Matches a search field suggests at a time. */
    public static final int SUGGESTIONS = 20;

    /**
     * The filter as a page renders it: {@code search} (a field with suggestions) or a drop-down of {@code options}.
     * {@code selected} is the register chosen, null for none.
     */
    public record Picker(
            boolean search, List<RegisterReadModel.RegisterName> options, RegisterReadModel.RegisterName selected) {}

    private final RegisterReadModel registers;
    private final RegisterReadAccess access;
    private final int dropDownLimit;

    public RegisterPicker(
            RegisterReadModel registers,
            RegisterReadAccess access,
            @Value("${register.ui.register-drop-down-limit:" + DROP_DOWN_LIMIT + "}") int dropDownLimit) {
        this.registers = registers;
        this.access = access;
        this.dropDownLimit = Math.max(0, dropDownLimit);
    }

    /** The filter over {@code readable} (every register when null) with {@code selectedId} chosen (or null). */
    public Picker picker(java.util.Collection<String> readable, String selectedId) {
        List<RegisterReadModel.RegisterName> all = registers.matching(readable, "", dropDownLimit + 1);
        RegisterReadModel.RegisterName selected = selectedId == null
                ? null
                : registers
                        .find(selectedId)
                        .map(r -> new RegisterReadModel.RegisterName(r.id(), r.authority()))
                        .orElse(null);
        if (all.size() <= dropDownLimit) {
            return new Picker(false, all, selected);
        }
        return new Picker(
                true,
                selectedId == null
                        ? registers.matching(readable, "", SUGGESTIONS)
                        : registers.matching(readable, selectedId, SUGGESTIONS),
                selected);
    }

    /**
     * The register a filter's value names: a register's id as it is, else the one readable register whose id or
     * authority contains the text typed (a name typed without picking a suggestion); else the text (not found).
     */
    public String resolve(java.util.Collection<String> readable, String text) {
        if (text == null || registers.find(text).isPresent()) {
            return text;
        }
        List<RegisterReadModel.RegisterName> matches = registers.matching(readable, text, 2);
        return matches.size() == 1 ? matches.get(0).id() : text;
    }

    @GetMapping("/api/v1/register-suggestions")
    @Operation(
            summary = "Подсказки для поля выбора перечня: не более " + SUGGESTIONS + " читаемых перечней, в коде или "
                    + "названии органа которых есть q (без учёта регистра)",
            description = "Сначала перечни, код которых начинается с q, затем по коду: [{id, authority}].")
    public List<RegisterReadModel.RegisterName> suggestions(@RequestParam(required = false) String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        return registers.matching(access.scope().filter(), text, SUGGESTIONS);
    }
}
