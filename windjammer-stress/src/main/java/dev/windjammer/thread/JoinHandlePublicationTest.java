package dev.windjammer.thread;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * jcstress tests of how a {@link JoinHandle} publishes its thread's outcome. They live in the
 * package of the thread layer to run a {@link ThreadBody} on a jcstress actor instead of
 * starting a thread per sample (a started thread's join is published by the JVM; the fast path
 * of {@code isFinished()} and {@code join()} on a finished body is ours).
 */
public final class JoinHandlePublicationTest {

    private JoinHandlePublicationTest() {
    }

    /** A result with plain, non-final fields: only a proper publication makes them visible. */
    static final class Box {
        int first;
        int second;
    }

    /** A failure carrying plain fields, thrown by the body. */
    static final class Failure extends RuntimeException {
        int first;
        int second;

        Failure() {
            super(null, null, false, false);
        }
    }

    @JCStressTest
    @Description("A finished body's value is seen completely by a join that does not wait.")
    @Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "The joiner looked before the body finished.")
    @Outcome(id = "42, 42", expect = ACCEPTABLE, desc = "Finished: the joiner sees every field the body wrote.")
    @Outcome(expect = FORBIDDEN, desc = "The joiner saw a finished body but not all its writes: unsafe publication.")
    @State
    public static class Value {
        private final ThreadBody<Box> body = new ThreadBody<>(() -> {
            Box box = new Box();
            box.first = 42;
            box.second = 42;
            return box;
        }, null, "jcstress");
        private final JoinHandle<Box> handle = new JoinHandle<>(new Thread(body), body, true);

        @Actor
        public void thread() {
            body.run();
        }

        @Actor
        public void joiner(II_Result r) {
            if (handle.isFinished()) {
                Box box = handle.join();
                r.r1 = box.first;
                r.r2 = box.second;
            } else {
                r.r1 = -1;
                r.r2 = -1;
            }
        }
    }

    @JCStressTest
    @Description("A finished body's failure is rethrown completely by a join that does not wait.")
    @Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "The joiner looked before the body failed.")
    @Outcome(id = "7, 7", expect = ACCEPTABLE, desc = "Failed: join rethrows the failure with every field set.")
    @Outcome(expect = FORBIDDEN, desc = "The joiner saw a finished body but an incomplete failure, or no failure.")
    @State
    public static class Thrown {
        private final ThreadBody<Box> body = new ThreadBody<>(() -> {
            Failure failure = new Failure();
            failure.first = 7;
            failure.second = 7;
            throw failure;
        }, null, "jcstress");
        private final JoinHandle<Box> handle = new JoinHandle<>(new Thread(body), body, true);

        @Actor
        public void thread() {
            body.run();
        }

        @Actor
        public void joiner(II_Result r) {
            if (!handle.isFinished()) {
                r.r1 = -1;
                r.r2 = -1;
                return;
            }
            try {
                handle.join();
                r.r1 = 0;
                r.r2 = 0;
            } catch (Failure failure) {
                r.r1 = failure.first;
                r.r2 = failure.second;
            }
        }
    }
}
