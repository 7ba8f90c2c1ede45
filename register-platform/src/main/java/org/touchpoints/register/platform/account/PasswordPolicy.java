package org.touchpoints.register.platform.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.touchpoints.register.api.rule.FieldError;

/**
 * What a password set through the service (account creation, reset by an administrator, change by its owner) must
 * be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further,
 * so anything beyond would be ignored), not the username, not one of the common passwords of the bundled list
 * ({@code account/common-passwords.txt}, also with digits or symbols appended, or one word said twice), not one
 * character repeated. The demo accounts keep {@code demo}: they are seeded, not set through here.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load("/account/common-passwords.txt");

    private PasswordPolicy() {}

    /** The refusals for {@code password} as the password of {@code username}, reported on {@code field}; empty: accepted. */
    public static List<FieldError> problems(String field, String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError(field, "Укажите пароль"));
            return errors;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            errors.add(new FieldError(field, "Пароль должен быть не короче " + MIN_LENGTH + " символов"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(new FieldError(
                    field,
                    "Пароль слишком длинный: не более " + MAX_BYTES
                            + " байт в кодировке UTF-8 (72 латинские буквы или цифры, 36 русских букв)"));
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "Пароль не должен содержать управляющих символов"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            errors.add(new FieldError(field, "Пароль не должен совпадать с именем пользователя"));
        } else if (password.codePoints().distinct().count() <= 2) {
            errors.add(new FieldError(field, "Пароль из одного-двух повторяющихся символов слишком прост"));
        } else if (common(password)) {
            errors.add(new FieldError(field, "Это распространённый пароль, его легко подобрать: выберите другой"));
        }
        return errors;
    }

    /** In the list as written, with trailing digits and symbols taken off, or a listed word said twice. */
    static boolean common(String password) {
        String p = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(p)) {
            return true;
        }
        String stem = p.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (stem.length() >= 3 && COMMON.contains(stem)) {
            return true;
        }
        int half = p.length() / 2;
        return p.length() % 2 == 0
                && p.substring(0, half).equals(p.substring(half))
                && COMMON.contains(p.substring(0, half));
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
