package org.touchpoints.register.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

class CachedCommandTargetResolverTest {
    record Rename(@TargetAggregateIdentifier String registerId, String name) {}

    record Versioned(
            @TargetAggregateIdentifier String registerId,
            @TargetAggregateVersion Long version) {}

    static final class OnAMethod {
        @TargetAggregateIdentifier
        String id() {
            return "r-" + 7;
        }
    }

    final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();
    final AnnotationCommandTargetResolver axon =
            AnnotationCommandTargetResolver.builder().build();

    @Test
    void answersAsAxonDoes() {
        for (Object command : new Object[] {new Rename("r-1", "x"), new Versioned("r-2", 3L), new OnAMethod()}) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThat(cached.resolveTarget(message)).isEqualTo(axon.resolveTarget(message));
            assertThat(cached.resolveTarget(message)).isEqualTo(axon.resolveTarget(message)); // remembered
        }
    }

    @Test
    void aCommandWithoutItsTargetIsRefusedAsAxonRefusesIt() {
        var message = GenericCommandMessage.asCommandMessage(new Rename(null, "x"));
        assertThatThrownBy(() -> cached.resolveTarget(message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
    }
}
