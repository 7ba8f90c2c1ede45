package org.touchpoints.register.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressLinksTest {

    private static List<String> hrefs(String address) {
        return AddressLinks.split(address).stream()
                .filter(AddressLinks.Part::link)
                .map(AddressLinks.Part::href)
                .toList();
    }

    @Test
    void webAddressesEmailAndPhonesBecomeLinks() {
        assertThat(hrefs("https://uggi.admin-smolensk.ru/")).containsExactly("https://uggi.admin-smolensk.ru/");
        assertThat(hrefs("www.gosuslugi.ru/600155/1.")).containsExactly("https://www.gosuslugi.ru/600155/1");
        assertThat(hrefs("uggi@admin-smolensk.ru")).containsExactly("mailto:uggi@admin-smolensk.ru");
        assertThat(hrefs("8 (4812) 20-55-88 8 (4812) 29-11-68 +7 800 100-70-10"))
                .containsExactly("tel:+74812205588", "tel:+74812291168", "tel:+78001007010");
    }

    @Test
    void theTextAroundTheLinksIsKeptAndNothingElseBecomesALink() {
        List<AddressLinks.Part> parts =
                AddressLinks.split("г. Смоленск, ул. Октябрьской революции, д. 14а, тел. 8 (4812) 20-55-88");
        assertThat(String.join("", parts.stream().map(AddressLinks.Part::text).toList()))
                .isEqualTo("г. Смоленск, ул. Октябрьской революции, д. 14а, тел. 8 (4812) 20-55-88");
        assertThat(hrefs("javascript:alert(1)")).isEmpty();
        assertThat(hrefs("г. Смоленск, ул. Ленина, 8")).isEmpty();
    }
}
