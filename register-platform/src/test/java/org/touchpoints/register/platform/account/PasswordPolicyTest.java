package org.touchpoints.register.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.rule.FieldError;

class PasswordPolicyTest {

    private static List<String> refusals(String username, String password) {
        return PasswordPolicy.problems("password", username, password).stream()
                .map(FieldError::message)
                .toList();
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(refusals("ivanova", "синяя лодка на рассвете")).isEmpty();
        assertThat(refusals("ivanova", "Tr0mb0ne-Lantern-Kettle")).isEmpty();
    }

    @Test
    void fewerThanTwelveCharactersAreRefused() {
        assertThat(refusals("ivanova", "12345678")).singleElement().asString().contains("не короче 12");
        assertThat(refusals("ivanova", "короткий1")).singleElement().asString().contains("не короче 12");
    }

    @Test
    void moreThan72BytesAreRefusedSinceBcryptIgnoresTheRest() {
        String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяабв"; // 36 letters, 72 bytes
        assertThat(refusals("ivanova", alphabet)).isEmpty();
        assertThat(refusals("ivanova", alphabet + "г"))
                .singleElement()
                .asString()
                .contains("72 байт");
        assertThat(refusals("ivanova", "x".repeat(73)))
                .singleElement()
                .asString()
                .contains("72 байт");
    }

    @Test
    void theUsernameInAnyCaseIsRefused() {
        assertThat(refusals("petrov.sergey", "PETROV.SERGEY"))
                .singleElement()
                .asString()
                .contains("именем пользователя");
    }

    @Test
    void commonPasswordsAreRefusedAlsoWithDigitsAppendedOrSaidTwice() {
        for (String common : List.of(
                "123456789012",
                "qwertyuiop12",
                "Password1234",
                "qwerty123456!",
                "йцукенгшщзхъ",
                "dragondragon",
                "iloveyou2024",
                "        sunshine1234")) {
            assertThat(refusals("ivanova", common))
                    .as(common)
                    .singleElement()
                    .asString()
                    .contains("распространённый");
        }
    }

    @Test
    void spacesOrOneRepeatedCharacterAreRefused() {
        assertThat(refusals("ivanova", " ".repeat(12))).isNotEmpty();
        assertThat(refusals("ivanova", "abababababab")).isNotEmpty();
    }

    @Test
    void controlCharactersAndEmptyPasswordsAreRefused() {
        assertThat(refusals("ivanova", "длинный пароль\nс переводом"))
                .singleElement()
                .asString()
                .contains("управляющих");
        assertThat(refusals("ivanova", "")).containsExactly("Укажите пароль");
        assertThat(refusals("ivanova", null)).containsExactly("Укажите пароль");
    }
}
