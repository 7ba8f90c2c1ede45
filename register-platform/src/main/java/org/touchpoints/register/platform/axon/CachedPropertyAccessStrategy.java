package org.touchpoints.register.platform.axon;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.property.BeanPropertyAccessStrategy;
import org.axonframework.common.property.DirectPropertyAccessStrategy;
import org.axonframework.common.property.Property;
import org.axonframework.common.property.PropertyAccessStrategy;
import org.axonframework.common.property.UniformPropertyAccessStrategy;

/**
 * Axon's property lookup ({@link PropertyAccessStrategy#getProperty}) with the answer remembered per class and
 * property name. Axon routes each command to a change of the register (an {@code @AggregateMember} map) by the
 * command's routing property, looked up by reflection on every command, twice: its bean strategy first asks
 * {@code getChangeId()} (a record has none: a {@code NoSuchMethodException} each time), then the uniform one finds
 * {@code changeId()} (JFR at K = 8: 1.4 % of the request threads' samples). Here Axon's three strategies are asked in
 * Axon's order (bean, uniform, direct field: their priorities 0, -1024, -2048) once per class and name; the same
 * {@link Property} is then answered, or none. Registered ahead of them ({@link #register}); a class's properties do
 * not change while it is loaded.
 */
public final class CachedPropertyAccessStrategy extends PropertyAccessStrategy {
    /** Ahead of every strategy Axon ships (the highest is 0). */
    static final int PRIORITY = 1 << 20;

    private static final CachedPropertyAccessStrategy INSTANCE = new CachedPropertyAccessStrategy();

    CachedPropertyAccessStrategy() {}

    /** Axon's strategies, in Axon's order, asked through subclasses (their lookup is protected). */
    private final List<Lookup> axon = List.of(new Bean(), new Uniform(), new Direct());

    private final ClassValue<ConcurrentHashMap<String, Optional<Property<?>>>> known = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Optional<Property<?>>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Puts the remembering strategy ahead of Axon's (once per JVM; a second call changes nothing). */
    public static void register() {
        PropertyAccessStrategy.register(INSTANCE);
    }

    @Override
    protected int getPriority() {
        return PRIORITY;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> Property<T> propertyFor(Class<? extends T> targetClass, String property) {
        return (Property<T>) known.get(targetClass)
                .computeIfAbsent(property, name -> Optional.ofNullable(axonsAnswer(targetClass, name)))
                .orElse(null);
    }

    /** What Axon's own strategies answer, in their order. */
    Property<?> axonsAnswer(Class<?> targetClass, String property) {
        for (Lookup lookup : axon) {
            Property<?> found = lookup.find(targetClass, property);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private interface Lookup {
        Property<?> find(Class<?> targetClass, String property);
    }

    private static final class Bean extends BeanPropertyAccessStrategy implements Lookup {
        @Override
        public Property<?> find(Class<?> targetClass, String property) {
            return propertyFor(targetClass, property);
        }
    }

    private static final class Uniform extends UniformPropertyAccessStrategy implements Lookup {
        @Override
        public Property<?> find(Class<?> targetClass, String property) {
            return propertyFor(targetClass, property);
        }
    }

    private static final class Direct extends DirectPropertyAccessStrategy implements Lookup {
        @Override
        public Property<?> find(Class<?> targetClass, String property) {
            return propertyFor(targetClass, property);
        }
    }
}
