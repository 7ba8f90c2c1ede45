package org.touchpoints.register.command.register;

import java.util.List;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;

/** Checks of free text typed by people: present when required, not too long, no control characters. */
final class InputText {
    private InputText() {}

    static void check(
            List<FieldError> errors, String field, String label, String value, boolean required, int maxLength) {
        if (Text.isBlank(value)) {
            if (required) {
                errors.add(new FieldError(field, "Поле «" + label + "» обязательно"));
            }
            return;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "Поле «" + label + "» длиннее " + maxLength + " символов"));
        }
        if (Text.hasControlCharacters(value)) {
            errors.add(new FieldError(field, "Поле «" + label + "» содержит недопустимые управляющие символы"));
        }
    }
}
