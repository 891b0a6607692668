/**
 * Channels and select, shared by the thread and async layers: the Java twins of
 * crossbeam-channel and Go's channels. Start with {@link dev.windjammer.sync.Channel}.
 *
 * <ul>
 *   <li>{@link dev.windjammer.sync.Channel#bounded(int)}, {@link dev.windjammer.sync.Channel#unbounded()}
 *       and {@link dev.windjammer.sync.Channel#rendezvous()} create channels; a channel is a
 *       {@link dev.windjammer.sync.Sender} and a {@link dev.windjammer.sync.Receiver};</li>
 *   <li>{@link dev.windjammer.sync.Select} waits on several sends and receives at once, with a
 *       timeout or a default branch;</li>
 *   <li>{@link dev.windjammer.sync.ReceiveResult} reports a receive as a value
 *       ({@link dev.windjammer.sync.Received}, {@link dev.windjammer.sync.Empty},
 *       {@link dev.windjammer.sync.Closed}) for code that prefers no exceptions.</li>
 * </ul>
 *
 * Every blocking operation parks without holding a monitor, so it works the same from platform
 * and virtual threads, and answers interruption without losing or duplicating an element.
 */
package dev.windjammer.sync;
