package dev.windjammer.async;

import dev.windjammer.TaskFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VirtualThreadLeakCheck.class)
class OutcomeTest {

    @Test
    void successReturnsItsValue() {
        assertThat(new Outcome.Success<>("v").getOrThrow()).isEqualTo("v");
    }

    @Test
    void uncheckedFailureIsThrownAsTheSameInstance() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(new Outcome.Failure<String>(boom)::getOrThrow).isSameAs(boom);
    }

    @Test
    void errorIsThrownAsTheSameInstance() {
        AssertionError boom = new AssertionError("boom");
        assertThatThrownBy(new Outcome.Failure<String>(boom)::getOrThrow).isSameAs(boom);
    }

    @Test
    void checkedFailureIsThrownWrappedOnce() {
        IOException boom = new IOException("boom");
        assertThatThrownBy(new Outcome.Failure<String>(boom)::getOrThrow)
                .isExactlyInstanceOf(TaskFailedException.class).hasCause(boom);
    }

    @Test
    void cancelledThrowsCancellation() {
        assertThatThrownBy(new Outcome.Cancelled<String>()::getOrThrow)
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void failureRefusesANullException() {
        assertThatThrownBy(() -> new Outcome.Failure<String>(null))
                .isInstanceOf(NullPointerException.class).hasMessage("exception");
    }

    @Test
    void outcomesSwitchExhaustively() {
        Outcome<Integer> outcome = new Outcome.Success<>(2);
        String described = switch (outcome) {
            case Outcome.Success<Integer>(Integer value) -> "value " + value;
            case Outcome.Failure<Integer>(Throwable e) -> "failure " + e;
            case Outcome.Cancelled<Integer>() -> "cancelled";
        };
        assertThat(described).isEqualTo("value 2");
    }
}
