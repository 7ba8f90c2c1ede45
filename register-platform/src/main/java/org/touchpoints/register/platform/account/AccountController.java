package org.touchpoints.register.platform.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (administrator). Roles inside a register are assigned on the register, not here. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Учётные записи")
@PreAuthorize("hasRole('ADMIN')")
public class AccountController {
    private final AccountStore accounts;
    private final AccountCreation creation;

    public AccountController(AccountStore accounts, AccountCreation creation) {
        this.accounts = accounts;
        this.creation = creation;
    }

    public record NewAccount(String username, String password, String displayName, String email, String globalRole) {
    }

    @GetMapping
    @Operation(summary = "Учётные записи (администратор)")
    public List<Account> list() {
        return accounts.all();
    }

    @PostMapping
    @Operation(summary = "Создать учётную запись (администратор)",
            description = "Пример: {\"username\":\"ivanova\",\"password\":\"…\",\"displayName\":\"Иванова А. С.\",\"email\":\"ivanova@example.gov.ru\"}; "
                    + "globalRole: ADMIN, AUDITOR или не указывается.")
    public ResponseEntity<Map<String, String>> create(@RequestBody NewAccount body,
            org.springframework.security.core.Authentication who) {
        creation.create(new AccountCreation.NewAccount(body.username(), body.password(), body.displayName(),
                body.email(), body.globalRole()), who.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", body.username()));
    }
}
