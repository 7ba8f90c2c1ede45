package org.touchpoints.register.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.property.Property;
import org.axonframework.common.property.PropertyAccessStrategy;
import org.junit.jupiter.api.Test;

/** The remembered lookup answers what Axon's own strategies answer, in their order, and reads the same values. */
class CachedPropertyAccessStrategyTest {
    record ApproveCommand(String registerId, String changeId) {}

    /** A bean getter and an accessor of the same name: Axon's bean strategy wins. */
    static class Both {
        private final String changeId = "field";

        public String getChangeId() {
            return "getter";
        }

        public String changeId() {
            return "accessor";
        }
    }

    public static class FieldOnly {
        public final String changeId = "field";
    }

    @Test
    void answersWhatAxonsStrategiesAnswerInTheirOrder() {
        CachedPropertyAccessStrategy.register();
        CachedPropertyAccessStrategy.register(); // a second registration changes nothing

        assertThat(read(new ApproveCommand("r-1", "c-1"), "changeId")).isEqualTo("c-1");
        assertThat(read(new ApproveCommand("r-1", "c-1"), "registerId")).isEqualTo("r-1");
        assertThat(read(new Both(), "changeId")).isEqualTo("getter");
        assertThat(read(new FieldOnly(), "changeId")).isEqualTo("field");
        assertThat(PropertyAccessStrategy.getProperty(ApproveCommand.class, "missing"))
                .isNull();
        // remembered: the second lookup is the same property, and still reads each instance's own value
        Property<ApproveCommand> first = PropertyAccessStrategy.getProperty(ApproveCommand.class, "changeId");
        Property<ApproveCommand> again = PropertyAccessStrategy.getProperty(ApproveCommand.class, "changeId");
        assertThat(again).isSameAs(first);
        assertThat((String) again.getValue(new ApproveCommand("r-2", "c-2"))).isEqualTo("c-2");
    }

    @Test
    void theSameAnswerAsAxonsOwnLookup() {
        CachedPropertyAccessStrategy strategy = new CachedPropertyAccessStrategy();
        for (Class<?> type : new Class<?>[] {ApproveCommand.class, Both.class, FieldOnly.class}) {
            for (String name : new String[] {"changeId", "registerId", "missing"}) {
                Property<?> axons = strategy.axonsAnswer(type, name);
                Property<?> ours = strategy.propertyFor(type, name);
                assertThat(ours == null).as(type + "." + name).isEqualTo(axons == null);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Object read(T target, String name) {
        Property<T> property = PropertyAccessStrategy.getProperty((Class<T>) target.getClass(), name);
        assertThat(property).as(name).isNotNull();
        return property.getValue(target);
    }
}
