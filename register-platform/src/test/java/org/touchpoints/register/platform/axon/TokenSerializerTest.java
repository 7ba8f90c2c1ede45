package org.touchpoints.register.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * The tokens a processor reset writes (a replay token around the position at reset) must read back, or the
 * processors retry their claims forever with empty read models (STACK.md, trap 14).
 */
class TokenSerializerTest {

    private final Serializer tokens = AxonInfrastructure.tokenSerializer();

    private TrackingToken roundTrip(Serializer serializer, TrackingToken token) {
        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        return serializer.deserialize(stored);
    }

    @Test
    void aReplayTokenWrittenByAResetReadsBack() {
        TrackingToken reset =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(90), new GlobalSequenceTrackingToken(-1));
        assertThat(roundTrip(tokens, reset)).isEqualTo(reset);
    }

    @Test
    void aReplayTokenWithAContextReadsBack() {
        TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(90), null, "rebuild");
        TrackingToken read = roundTrip(tokens, reset);
        assertThat(read).isEqualTo(reset);
        assertThat(ReplayToken.replayContext(read, String.class)).hasValue("rebuild");
    }

    @Test
    void mergedAndPlainTokensReadBack() {
        TrackingToken merged =
                new MergedTrackingToken(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(7));
        assertThat(roundTrip(tokens, merged)).isEqualTo(merged);
        assertThat(roundTrip(tokens, new GlobalSequenceTrackingToken(12)))
                .isEqualTo(new GlobalSequenceTrackingToken(12));
    }

    @Test
    void aContextOfAnArbitraryClassIsNotResolved() {
        TrackingToken hostile =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(5), null, Map.of("a", "b"));
        assertThatThrownBy(() -> roundTrip(tokens, hostile)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theGeneralSerializerCannotReadAReplayTokenBack() {
        // why the token store has a serializer of its own: this is what failed on a real Axon Server
        Serializer general = Jackson3Serializer.builder().build();
        TrackingToken reset =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(90), new GlobalSequenceTrackingToken(-1));
        assertThatThrownBy(() -> roundTrip(general, reset)).isInstanceOf(RuntimeException.class);
    }
}
