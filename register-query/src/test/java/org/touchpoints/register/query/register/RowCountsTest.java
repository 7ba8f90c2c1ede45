package org.touchpoints.register.query.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCountsTest {
    private final RowCounts counts = new RowCounts();
    private final List<List<String>> asked = new ArrayList<>();

    private Map<String, Integer> of(Map<String, String> stamps, Map<String, Integer> inDatabase) {
        return counts.of(stamps, ids -> {
            asked.add(List.copyOf(ids));
            return inDatabase;
        });
    }

    @Test
    void countsOnlyTheRegistersWhoseStampMovedSinceTheyWereCounted() {
        assertThat(of(Map.of("a", "10", "b", "11"), Map.of("a", 3))).isEqualTo(Map.of("a", 3, "b", 0));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactlyInAnyOrder("a", "b");

        assertThat(of(Map.of("a", "10", "b", "11"), Map.of("a", 99, "b", 99)))
                .as("nothing moved: nothing counted")
                .isEqualTo(Map.of("a", 3, "b", 0));
        assertThat(asked).hasSize(1);

        assertThat(of(Map.of("a", "10", "b", "12"), Map.of("b", 5))).isEqualTo(Map.of("a", 3, "b", 5));
        assertThat(asked.get(1)).containsExactly("b");
    }
}
