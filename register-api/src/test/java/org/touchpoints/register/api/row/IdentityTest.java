package org.touchpoints.register.api.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two names or addresses a person reads as the same are the same; different ones stay different. */
class IdentityTest {
    enum Kind {
        NAME,
        ADDRESS
    }

    static final boolean SAME = true;
    static final boolean DIFFERENT = false;

    static Stream<Arguments> pairs() {
        return Stream.of(
                // the tricks of issue 11
                Arguments.of(Kind.ADDRESS, "http://uggi.admin-smolensk.ru", "https://uggi.admin-smolensk.ru/", SAME),
                Arguments.of(Kind.NAME, "Официальный сайт", "Официальный\u00A0сайт", SAME),
                Arguments.of(Kind.NAME, "Официальный сайт", "Офици\u200Bальный сайт", SAME),
                Arguments.of(Kind.NAME, "Официальный сайт", "Oфициальный сайт", SAME), // Latin O
                Arguments.of(Kind.NAME, "Прием и рассмотрение обращений", "Прием\u00A0и рассмотрение обращений", SAME),
                // white space, case, ё, NFKC, invisible characters
                Arguments.of(Kind.NAME, "  Официальный   сайт ", "Официальный сайт", SAME),
                Arguments.of(Kind.NAME, "Официальный\tсайт\n", "официальный сайт", SAME),
                Arguments.of(Kind.NAME, "ОФИЦИАЛЬНЫЙ САЙТ", "официальный сайт", SAME),
                Arguments.of(Kind.NAME, "Приём граждан", "Прием граждан", SAME),
                Arguments.of(Kind.NAME, "Личный приём", "ЛИЧНЫЙ ПРИЁМ", SAME),
                Arguments.of(Kind.NAME, "Кабинет № 5", "Кабинет No 5", SAME), // NFKC: № is No
                Arguments.of(Kind.NAME, "Телефон\u2007горячей линии", "Телефон горячей линии", SAME), // figure space
                Arguments.of(Kind.NAME, "\uFEFFЕПГУ", "ЕПГУ", SAME),
                Arguments.of(Kind.NAME, "Почта \u202EРоссии", "Почта России", SAME), // bidi override
                Arguments.of(Kind.NAME, "Почта Рос\u00ADсии", "Почта России", SAME), // soft hyphen
                Arguments.of(Kind.NAME, "ГИС ЖКХ", "ГИС ЖKX", SAME), // Latin K and X in a Cyrillic word
                Arguments.of(Kind.NAME, "Сайт ГЖИ", "Caйт ГЖИ", SAME), // Latin C and a
                Arguments.of(Kind.NAME, "ТОР КНД", "ТOP KНД", SAME),
                // URLs
                Arguments.of(Kind.ADDRESS, "https://www.gosuslugi.ru/", "gosuslugi.ru", SAME),
                Arguments.of(
                        Kind.ADDRESS, "https://uggi.admin-smolensk.ru:443/", "http://uggi.admin-smolensk.ru:80", SAME),
                Arguments.of(
                        Kind.ADDRESS,
                        "https://uggi.admin-smolensk.ru/obrasheniya/#form",
                        "uggi.admin-smolensk.ru/obrasheniya",
                        SAME),
                Arguments.of(Kind.ADDRESS, "HTTPS://Uggi.Admin-Smolensk.RU", "https://uggi.admin-smolensk.ru", SAME),
                Arguments.of(Kind.ADDRESS, "https://tor.knd.gov.ru/", "https://tor.knd.gov.ru", SAME),
                // e-mail
                Arguments.of(Kind.ADDRESS, "UGGI@admin-smolensk.ru", "uggi@admin-smolensk.ru", SAME),
                Arguments.of(Kind.ADDRESS, "uggi@admin-smolensk.ru ", "uggi@admin-smolensk.ru", SAME),
                // phones
                Arguments.of(Kind.ADDRESS, "8 (4812) 20-55-47", "+7 4812 205547", SAME),
                Arguments.of(Kind.ADDRESS, "8(4812)205547", "+7 (4812) 20-55-47", SAME),
                Arguments.of(Kind.ADDRESS, "(4812) 20-55-47", "8 4812 20 55 47", SAME),
                Arguments.of(
                        Kind.ADDRESS, "8 (4812) 20-55-47, 8 (4812) 20-55-48", "+7 4812 205547, +7 4812 205548", SAME),
                Arguments.of(Kind.ADDRESS, "8\u00A0(4812)\u00A020-55-47", "+7 4812 205547", SAME),
                // what must stay different
                Arguments.of(Kind.ADDRESS, "https://uggi.admin-smolensk.ru", "https://admin-smolensk.ru", DIFFERENT),
                Arguments.of(
                        Kind.ADDRESS, "https://uggi.admin-smolensk.ru", "https://uggi.admin-smolensk.com", DIFFERENT),
                Arguments.of(
                        Kind.ADDRESS,
                        "https://uggi.admin-smolensk.ru/a",
                        "https://uggi.admin-smolensk.ru/b",
                        DIFFERENT),
                Arguments.of(
                        Kind.ADDRESS,
                        "https://uggi.admin-smolensk.ru/?page=1",
                        "https://uggi.admin-smolensk.ru/?page=2",
                        DIFFERENT),
                Arguments.of(
                        Kind.ADDRESS,
                        "https://uggi.admin-smolensk.ru:8080",
                        "https://uggi.admin-smolensk.ru",
                        DIFFERENT),
                Arguments.of(Kind.ADDRESS, "8 (4812) 20-55-47", "8 (4812) 20-55-48", DIFFERENT),
                Arguments.of(Kind.ADDRESS, "8 (4812) 20-55-47", "8 (4813) 20-55-47", DIFFERENT),
                Arguments.of(Kind.ADDRESS, "uggi@admin-smolensk.ru", "ugi@admin-smolensk.ru", DIFFERENT),
                Arguments.of(Kind.ADDRESS, "uggi@admin-smolensk.ru", "uggi@admin-smolensk.com", DIFFERENT),
                Arguments.of(Kind.NAME, "Официальный сайт", "Официальный портал", DIFFERENT),
                Arguments.of(Kind.NAME, "Телефон приемной", "Телефон бухгалтерии", DIFFERENT),
                Arguments.of(Kind.NAME, "Кабинет 5", "Кабинет 6", DIFFERENT),
                Arguments.of(Kind.NAME, "Email", "E-mail", DIFFERENT),
                Arguments.of(Kind.NAME, "Skype", "Скуре", DIFFERENT), // an all-Latin word stays Latin
                Arguments.of(Kind.NAME, "Лицензирование", "Лицензирование деятельности", DIFFERENT));
    }

    @ParameterizedTest(name = "{0}: «{1}» / «{2}» same={3}")
    @MethodSource("pairs")
    void comparesAsAPersonReads(Kind kind, String a, String b, boolean same) {
        boolean actual = kind == Kind.NAME ? Identity.sameName(a, b) : Identity.sameAddress(a, b);
        String keys = kind == Kind.NAME
                ? Identity.name(a) + " | " + Identity.name(b)
                : Identity.address(a) + " | " + Identity.address(b);
        assertThat(actual).as(keys).isEqualTo(same);
    }

    @Test
    void theTouchpointKeyComparesProcessNameAndAddress() {
        assertThat(Identity.touchpoint("Прием\u00A0обращений", "Oфициальный сайт", "http://uggi.admin-smolensk.ru"))
                .isEqualTo(
                        Identity.touchpoint("Прием обращений", "Официальный сайт", "https://uggi.admin-smolensk.ru/"));
        assertThat(Identity.touchpoint("Прием обращений", "Телефон", "8 (4812) 20-55-47"))
                .isNotEqualTo(Identity.touchpoint("Прием обращений", "Телефон", "8 (4812) 20-55-48"));
        assertThat(Identity.touchpoint("Прием обращений", "Телефон", null))
                .isNotEqualTo(Identity.touchpoint("Лицензирование", "Телефон", null));
    }

    @Test
    void invisibleFormatCharactersAreFoundButNoBreakSpacesAreNot() {
        for (String s : new String[] {
            "a\u200Bb",
            "a\u200Cb",
            "a\u200Db",
            "a\u200Eb",
            "a\u200Fb",
            "a\u202Ab",
            "a\u202Eb",
            "a\u2060b",
            "a\u2064b",
            "\uFEFFa"
        }) {
            assertThat(Identity.hasInvisibleCharacters(s)).as(s).isTrue();
        }
        assertThat(Identity.hasInvisibleCharacters("Официальный\u00A0сайт ГЖИ — https://uggi.admin-smolensk.ru/"))
                .isFalse();
        assertThat(Identity.hasInvisibleCharacters(null)).isFalse();
    }
}
