package dev.windjammer.stress.sync;

import dev.windjammer.stress.StressScale;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

import java.util.List;

/**
 * The Lincheck configurations of this module. The quick ones run in the default build; the
 * system property {@code windjammer.stress.scale} (set by {@code scripts/stress}) multiplies the
 * number of scenarios and invocations for long runs.
 */
final class LincheckRuns {

    static final int SCALE = StressScale.SCALE;

    /** Minimizing a failing scenario helps reading it but can take minutes on a busy machine. */
    private static final boolean MINIMIZE = Boolean.parseBoolean(
            System.getProperty("windjammer.lincheck.minimize", "true"));

    private LincheckRuns() {
    }

    /** Model checking of random scenarios of non-blocking operations. */
    static void modelCheck(Class<?> test, Class<?> specification) {
        new ModelCheckingOptions()
                .iterations(15 * SCALE).invocationsPerIteration(300)
                .threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(specification)
                .minimizeFailedScenario(MINIMIZE)
                .check(test);
    }

    /** Stress testing of random scenarios of non-blocking operations. */
    static void stress(Class<?> test, Class<?> specification) {
        new StressOptions()
                .iterations(15 * SCALE).invocationsPerIteration(1_000)
                .threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(specification)
                .minimizeFailedScenario(MINIMIZE)
                .check(test);
    }

    /** Model checking of hand-written scenarios with blocking operations. */
    static void modelCheck(Class<?> test, Class<?> specification, List<ExecutionScenario> scenarios) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(0).invocationsPerIteration(300 * SCALE)
                .sequentialSpecification(specification)
                .minimizeFailedScenario(MINIMIZE);
        scenarios.forEach(options::addCustomScenario);
        options.check(test);
    }

    /** Stress testing of hand-written scenarios with blocking operations. */
    static void stress(Class<?> test, Class<?> specification, List<ExecutionScenario> scenarios) {
        StressOptions options = new StressOptions()
                .iterations(0).invocationsPerIteration(500 * SCALE)
                .sequentialSpecification(specification)
                .minimizeFailedScenario(MINIMIZE);
        scenarios.forEach(options::addCustomScenario);
        options.check(test);
    }
}
