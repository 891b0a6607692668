package dev.windjammer.examples.thread;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what an example's {@code main} prints. */
final class Console {

    /** An example's main method. */
    @FunctionalInterface
    interface Main {
        void run() throws Exception;
    }

    private Console() {
    }

    static synchronized String capture(Main main) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } catch (Exception e) {
            throw new AssertionError("the example failed", e);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
