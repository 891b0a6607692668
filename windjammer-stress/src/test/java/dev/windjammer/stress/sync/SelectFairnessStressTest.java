package dev.windjammer.stress.sync;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.ChannelClosedException;
import dev.windjammer.sync.Select;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No clause of a select is starved. With every clause ready, each is chosen with probability
 * 1/n; with clauses that become ready while the select waits, each is served as its partner
 * comes. The bounds below are many standard deviations from the expectation, so that only
 * starvation, not chance, fails them.
 */
class SelectFairnessStressTest {

    private static final int ROUNDS = 20_000 * Stress.SCALE;

    @ParameterizedTest
    @EnumSource(Stress.Kind.class)
    void noneOfFourAlwaysReadyClausesIsStarved(Stress.Kind kind) {
        Channel<Integer> numbers = Channel.bounded(ROUNDS);
        Channel<String> words = Channel.bounded(ROUNDS);
        Channel<Long> longs = Channel.unbounded();
        Channel<Character> letters = Channel.unbounded();
        for (int i = 0; i < ROUNDS; i++) {
            numbers.send(i);
            words.send("w");
            longs.send((long) i);
            letters.send('c');
        }
        int[] chosen = new int[4];
        try (TestThreads threads = new TestThreads()) {
            kind.start(threads, () -> {
                Select<Integer> select = new Select<Integer>()
                        .onReceive(numbers, x -> 0)
                        .onReceive(words, x -> 1)
                        .onReceive(longs, x -> 2)
                        .onReceive(letters, x -> 3);
                for (int round = 0; round < ROUNDS; round++) {
                    chosen[select.select()]++;
                }
            });
        }
        for (int clause = 0; clause < chosen.length; clause++) {
            assertThat(chosen[clause]).as("rounds won by clause %d of %s", clause, Arrays.toString(chosen))
                    .isGreaterThanOrEqualTo(ROUNDS / 8);
        }
    }

    @ParameterizedTest
    @EnumSource(Stress.Kind.class)
    void neitherOfTwoRendezvousSendersIsStarved(Stress.Kind kind) {
        Channel<Integer> left = Channel.rendezvous();
        Channel<String> right = Channel.rendezvous();
        int[] chosen = new int[2];
        try (TestThreads threads = new TestThreads()) {
            kind.start(threads, () -> feed(left, 1));
            kind.start(threads, () -> feed(right, "r"));
            kind.start(threads, () -> {
                Select<Integer> select = new Select<Integer>()
                        .onReceive(left, x -> 0)
                        .onReceive(right, x -> 1);
                for (int round = 0; round < ROUNDS; round++) {
                    chosen[select.select()]++;
                }
                left.close();
                right.close();
            });
        }
        for (int clause = 0; clause < chosen.length; clause++) {
            assertThat(chosen[clause]).as("rounds won by clause %d of %s", clause, Arrays.toString(chosen))
                    .isGreaterThanOrEqualTo(ROUNDS / 16);
        }
    }

    /** Sends {@code element} until the selector closes the channel. */
    private static <T> void feed(Channel<T> channel, T element) {
        try {
            while (true) {
                channel.send(element);
            }
        } catch (ChannelClosedException closed) {
            // the selector is done
        }
    }
}
