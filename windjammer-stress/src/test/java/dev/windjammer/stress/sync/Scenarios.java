package dev.windjammer.stress.sync;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.Operation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-written Lincheck scenarios for operations that block. Lincheck's random scenarios cannot
 * contain a blocking {@code send} or {@code receive}: a send without a matching receive waits
 * forever, which Lincheck rightly reports as a hang. A custom scenario pairs every blocking
 * operation with a partner, or ends with a {@code close()} in a thread that never blocks, so every
 * interleaving terminates; the model checker then explores the interleavings of that scenario.
 *
 * <pre>{@code
 * Scenarios.of(MyTest.class)
 *         .thread("send 1", "send 2")
 *         .thread("receive", "receive")
 *         .post("tryReceive")
 *         .build();
 * }</pre>
 * An operation is written {@code "name arg..."} with integer arguments.
 */
final class Scenarios {

    private final Class<?> testClass;
    private final List<Actor> initial = new ArrayList<>();
    private final List<List<Actor>> parallel = new ArrayList<>();
    private final List<Actor> post = new ArrayList<>();

    private Scenarios(Class<?> testClass) {
        this.testClass = testClass;
    }

    static Scenarios of(Class<?> testClass) {
        return new Scenarios(testClass);
    }

    Scenarios initial(String... operations) {
        initial.addAll(actors(operations));
        return this;
    }

    Scenarios thread(String... operations) {
        parallel.add(actors(operations));
        return this;
    }

    Scenarios post(String... operations) {
        post.addAll(actors(operations));
        return this;
    }

    ExecutionScenario build() {
        return new ExecutionScenario(initial, parallel, post, null);
    }

    private List<Actor> actors(String... operations) {
        return Arrays.stream(operations).map(this::actor).toList();
    }

    private Actor actor(String operation) {
        String[] words = operation.split(" ");
        Method method = Arrays.stream(testClass.getMethods())
                .filter(m -> m.getName().equals(words[0]) && m.getParameterCount() == words.length - 1)
                .filter(m -> m.isAnnotationPresent(Operation.class))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no @Operation " + operation + " in " + testClass));
        List<Object> arguments = Arrays.stream(words).skip(1).<Object>map(Integer::valueOf).toList();
        boolean blocking = method.getAnnotation(Operation.class).blocking();
        return new Actor(method, arguments, false, blocking);
    }
}
