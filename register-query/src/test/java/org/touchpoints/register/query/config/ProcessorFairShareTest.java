package org.touchpoints.register.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every live replica gets ⌊S/n⌋ or ⌈S/n⌉ segments, and the shares add up to S, for 1…5 replicas on 4 and 8 segments. */
class ProcessorFairShareTest {

    @ParameterizedTest(name = "{0} segments, {1} replicas")
    @CsvSource({"4,1", "4,2", "4,3", "4,4", "4,5", "8,1", "8,2", "8,3", "8,4", "8,5"})
    void sharesAreBalancedAndCoverEverySegment(int segments, int replicas) {
        int[] shares = IntStream.range(0, replicas)
                .map(rank -> ProcessorFairShare.share(segments, replicas, rank))
                .toArray();
        assertThat(IntStream.of(shares).sum()).as("every segment has a replica").isEqualTo(segments);
        int floor = segments / replicas;
        int ceil = (segments + replicas - 1) / replicas;
        assertThat(IntStream.of(shares).boxed().toList())
                .allSatisfy(share -> assertThat(share).isBetween(floor, ceil));
    }

    @ParameterizedTest(name = "{0} segments, {1} replicas")
    @CsvSource({"4,3,2,1,1", "8,3,3,3,2", "8,5,2,2,2"})
    void theFirstReplicasTakeTheRemainder(int segments, int replicas, int first, int second, int third) {
        assertThat(ProcessorFairShare.share(segments, replicas, 0)).isEqualTo(first);
        assertThat(ProcessorFairShare.share(segments, replicas, 1)).isEqualTo(second);
        assertThat(ProcessorFairShare.share(segments, replicas, 2)).isEqualTo(third);
    }

    @ParameterizedTest(name = "{0} claimed of a share of {1}, {2} unclaimed: starving {3}")
    @CsvSource({"0,2,2,true", "1,2,1,true", "2,2,2,false", "0,2,0,false", "3,2,1,false"})
    void aReplicaStarvesWhenItHasLessThanItsShareWhileSegmentsLieUnclaimed(
            int claimed, int share, int unowned, boolean starving) {
        assertThat(ProcessorFairShare.starving(claimed, share, unowned)).isEqualTo(starving);
    }

    @org.junit.jupiter.api.Test
    void theTokenStoresOwnRowIsNoProcessorThatCouldStarve() { // found on a real Axon Server: __config stood a
        // replica down
        java.util.Map<String, Integer> segments = java.util.Map.of("__config", 1, "projections", 4, "history", 4);
        java.util.Map<String, Integer> unowned = java.util.Map.of("__config", 1, "projections", 2, "history", 0);
        java.util.Map<String, Integer> claimed = java.util.Map.of("projections", 1, "history", 2);
        assertThat(ProcessorFairShare.starving(
                        segments,
                        unowned,
                        java.util.Set.of("projections", "history"),
                        name -> claimed.getOrDefault(name, 0),
                        2,
                        0))
                .containsExactly("projections");
    }
}
