/**
 * The thread layer: explicit platform threads with a typed join and scoped threads, the Java
 * twin of Rust's {@code std::thread}. Start with {@link dev.windjammer.thread.Threads}.
 *
 * <ul>
 *   <li>{@link dev.windjammer.thread.Threads#spawn(java.util.concurrent.Callable) Threads.spawn}
 *       starts a thread and returns a {@link dev.windjammer.thread.JoinHandle}, whose
 *       {@code join()} returns the body's value or throws its failure;</li>
 *   <li>{@link dev.windjammer.thread.Threads#builder() Threads.builder()} names threads, makes
 *       them daemons or sizes their stacks;</li>
 *   <li>{@link dev.windjammer.thread.Threads#scope Threads.scope} runs a body whose threads are
 *       all joined before it returns.</li>
 * </ul>
 *
 * Threads talk to each other and to async tasks through the channels of
 * {@code dev.windjammer.sync}.
 */
package dev.windjammer.thread;
