package dev.windjammer.sync;

import dev.windjammer.UncheckedInterruptedException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waits on several channel operations at once and completes exactly one of them: Go's
 * {@code select}, crossbeam's {@code select!}. The channels may have different element types;
 * each clause has a handler that turns its outcome into the select's result.
 *
 * <pre>{@code
 * String event = new Select<String>()
 *         .onReceive(orders, order -> "order " + order.id())
 *         .onReceive(cancellations, id -> "cancel " + id)
 *         .onSend(audit, entry, () -> "audited")
 *         .onTimeout(Duration.ofSeconds(1), () -> "idle")
 *         .select();
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Exactly one.</b> {@link #select()} completes one clause and only that one: one
 *       element is received or sent, then that clause's handler runs on the calling thread and
 *       its result is returned. The other clauses have no effect.</li>
 *   <li><b>Fairness.</b> When several clauses are ready, each is equally likely to be chosen
 *       (the clauses are tried from a random starting point), so no clause starves.</li>
 *   <li><b>Default and timeout.</b> With {@link #orElse}, {@code select()} never waits: if no
 *       clause is ready, the default handler runs. With {@link #onTimeout}, it waits at most
 *       that long, then runs the timeout handler. A select has at most one of the two; without
 *       either, it waits until a clause completes.</li>
 *   <li><b>Closed channels.</b> A closed and drained channel makes an {@link #onReceive}
 *       clause ready and {@code select()} then throws {@link ChannelClosedException};
 *       {@link #onReceiveOrClosed} passes the {@link Closed} outcome to its handler instead.
 *       A closed channel makes an {@link #onSend} clause throw {@link ChannelClosedException}.
 *       </li>
 *   <li><b>Interruption.</b> If the thread must wait and is interrupted, {@code select()}
 *       throws {@link UncheckedInterruptedException} with the interrupt status set and no clause
 *       took effect; if a clause completed at the moment of the interrupt, its handler runs and
 *       the interrupt status stays set.</li>
 * </ul>
 *
 * <p>A {@code Select} is configured by one thread; once configured, {@link #select()} may be
 * called any number of times, from any thread, and each call selects anew. Handlers must not be
 * {@code null}; exceptions they throw propagate from {@code select()} unchanged.
 *
 * @param <R> the type of the result
 */
public final class Select<R> {
    /*
     * Implementation notes
     *
     * Overview. crossbeam-channel's select (crossbeam-channel/src/select.rs) over our
     * primitives, in rounds:
     *  1. try every clause once without waiting, starting at a random index (Go shuffles its
     *     cases for the same reason: fairness);
     *  2. none ready: create one Waiter and register a WaitNode per clause; a registration
     *     that finds its channel ready stops the registering and the waiter withdraws;
     *  3. wait until a channel selects one of the nodes, the deadline passes or an interrupt;
     *  4. unregister every node; if the selected node was completed by a rendezvous partner,
     *     run its handler; if it was a wake-up, retry that clause once and, failing that,
     *     start a new round.
     * A waiter is selected at most once (one CAS in Waiter), which is what makes "exactly
     * one clause" hold even when several channels become ready together; the nodes that lose
     * are skipped by their channels. A select never completes a partner during registration,
     * where it could already be selected through another channel: it withdraws and lets the
     * next round's try phase do it while it holds no registration (crossbeam's rule). Two
     * selects meeting on one rendezvous channel therefore still pair up: the one that arrives
     * second finds the first registered and takes it.
     *
     * Own nodes. A select that sends and receives on the same rendezvous channel must not
     * match itself: registrations ignore nodes of their own waiter (WaitList.hasWaiterOtherThan).
     *
     * jox differs: it stores select clauses in the channel cells of Koval et al.'s algorithm
     * and resolves them with a state CAS per select, like our Waiter; its try phase and
     * registration are one step.
     */

    private Clause[] clauses = new Clause[0];
    private Supplier<? extends R> otherwise;
    private Duration timeout;
    private Supplier<? extends R> onTimeout;

    /** Creates a select without clauses; add them with the {@code on...} methods. */
    public Select() {
    }

    /**
     * Adds a clause that receives an element from {@code from} and passes it to
     * {@code handler}. If {@code from} is closed and drained, the clause is ready and
     * {@code select()} throws {@link ChannelClosedException}.
     *
     * @param from    the channel to receive from
     * @param handler turns the element into the select's result
     * @param <T>     the element type
     * @return this select
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T> Select<R> onReceive(Receiver<T> from, Function<? super T, ? extends R> handler) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(handler, "handler");
        return add(new ReceiveClause<>(channel(from), handler, false));
    }

    /**
     * Adds a clause that receives from {@code from} and passes the outcome to
     * {@code handler}: {@link Received} with an element, or {@link Closed} once the channel is
     * closed and drained (never {@link Empty}). Use it to react to the end of a channel, e.g. a
     * "done" channel that is closed to signal shutdown.
     *
     * @param from    the channel to receive from
     * @param handler turns the outcome into the select's result
     * @param <T>     the element type
     * @return this select
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T> Select<R> onReceiveOrClosed(Receiver<T> from,
                                           Function<? super ReceiveResult<T>, ? extends R> handler) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(handler, "handler");
        return add(new ReceiveClause<>(channel(from), handler, true));
    }

    /**
     * Adds a clause that sends {@code element} to {@code to} and then calls {@code handler}.
     * If {@code to} is closed, {@code select()} throws {@link ChannelClosedException}.
     *
     * @param to      the channel to send to
     * @param element the element to send, sent only if this clause is the one selected
     * @param handler gives the select's result once the element is sent
     * @param <T>     the element type
     * @return this select
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T> Select<R> onSend(Sender<T> to, T element, Supplier<? extends R> handler) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(handler, "handler");
        return add(new SendClause<>(channel(to), element, handler));
    }

    /**
     * Limits how long {@link #select()} waits: when no clause completes within
     * {@code timeout}, {@code handler} gives the result.
     *
     * @param timeout how long to wait at most; zero or negative means try each clause once
     * @param handler gives the result when the time is up
     * @return this select
     * @throws IllegalStateException if a timeout or a default branch was already given
     * @throws NullPointerException if an argument is {@code null}
     */
    public Select<R> onTimeout(Duration timeout, Supplier<? extends R> handler) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(handler, "handler");
        refuseSecondFallback("onTimeout");
        this.timeout = timeout;
        this.onTimeout = handler;
        return this;
    }

    /**
     * Adds a default branch: if no clause is ready at once, {@link #select()} returns what
     * {@code handler} gives instead of waiting.
     *
     * @param handler gives the result when nothing is ready
     * @return this select
     * @throws IllegalStateException if a timeout or a default branch was already given
     * @throws NullPointerException if {@code handler} is {@code null}
     */
    public Select<R> orElse(Supplier<? extends R> handler) {
        Objects.requireNonNull(handler, "handler");
        refuseSecondFallback("orElse");
        this.otherwise = handler;
        return this;
    }

    /**
     * Completes exactly one clause, waiting if none is ready (unless there is a default
     * branch), and returns the result of its handler.
     *
     * @return the result of the completed clause's handler, of the default branch or of the
     *         timeout handler
     * @throws ChannelClosedException if the selected clause is an {@code onReceive} on a closed
     *         and drained channel, or an {@code onSend} on a closed channel
     * @throws UncheckedInterruptedException if the thread is interrupted while waiting; no
     *         clause took effect
     * @throws IllegalStateException if there is no clause, no default branch and no timeout
     */
    public R select() {
        Clause[] all = clauses;
        int count = all.length;
        if (count == 0 && otherwise == null && onTimeout == null) {
            throw new IllegalStateException("nothing to select: add a clause, orElse or onTimeout");
        }
        boolean timed = onTimeout != null;
        long deadline = timed ? AbstractChannel.deadline(timeout) : 0L;
        int start = count > 1 ? ThreadLocalRandom.current().nextInt(count) : 0;
        while (true) {
            for (int k = 0; k < count; k++) {
                Clause clause = all[(start + k) % count];
                Object outcome = clause.attempt();
                if (outcome != Clause.NOT_READY) {
                    return result(clause.fire(outcome));
                }
            }
            if (otherwise != null) {
                return otherwise.get();
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                return onTimeout.get();
            }
            Waiter waiter = new Waiter();
            WaitNode[] nodes = new WaitNode[count];
            boolean ready = false;
            for (int k = 0; k < count && !ready; k++) {
                int index = (start + k) % count;
                nodes[index] = all[index].node(waiter, index);
                ready = all[index].register(nodes[index]);
            }
            WaitNode selected;
            if (ready) {
                selected = waiter.abort() ? Waiter.ABORTED : waiter.selected();
            } else {
                selected = count == 0 ? waiter.park(timed, deadline)
                        : all[start].channel().spinBudget.await(waiter, timed, deadline);
            }
            for (int i = 0; i < count; i++) {
                if (nodes[i] != null) {
                    all[i].unregister(nodes[i]);
                }
            }
            if (selected == Waiter.INTERRUPTED) {
                throw UncheckedInterruptedException.interrupted("a select over " + count + " clauses", null);
            }
            if (selected == Waiter.TIMED_OUT) {
                return onTimeout.get();
            }
            if (selected != Waiter.ABORTED) {
                Clause clause = all[selected.clause];
                if (selected.completed) {
                    return result(clause.fire(clause.handedOver(selected)));
                }
                Object outcome = clause.attempt(); // woken: retry that clause once
                if (outcome != Clause.NOT_READY) {
                    return result(clause.fire(outcome));
                }
            }
            start = (start + 1) % Math.max(count, 1);
        }
    }

    @SuppressWarnings("unchecked")
    private R result(Object value) {
        return (R) value;
    }

    private Select<R> add(Clause clause) {
        Clause[] more = Arrays.copyOf(clauses, clauses.length + 1);
        more[clauses.length] = clause;
        clauses = more;
        return this;
    }

    private void refuseSecondFallback(String method) {
        if (otherwise != null || onTimeout != null) {
            throw new IllegalStateException(method + ": a select has at most one of orElse and onTimeout");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> AbstractChannel<T> channel(Object end) {
        return (AbstractChannel<T>) end; // Sender and Receiver are sealed: every one is ours
    }

    /** One operation of a select, on one channel. */
    private abstract static sealed class Clause permits ReceiveClause, SendClause {
        static final Object NOT_READY = new Object();

        /** The channel of this clause. */
        abstract AbstractChannel<?> channel();

        /** Tries the operation without waiting: an outcome for {@link #fire}, or NOT_READY. */
        abstract Object attempt();

        abstract WaitNode node(Waiter waiter, int index);

        abstract boolean register(WaitNode node);

        abstract void unregister(WaitNode node);

        /** The outcome of an operation that a rendezvous partner completed through the node. */
        abstract Object handedOver(WaitNode node);

        /** Runs the handler for an outcome of {@link #attempt} or {@link #handedOver}. */
        abstract Object fire(Object outcome);
    }

    private static final class ReceiveClause<T> extends Clause {
        private final AbstractChannel<T> channel;
        private final Function<Object, ?> handler;
        private final boolean closedIsAValue;

        @SuppressWarnings("unchecked")
        ReceiveClause(AbstractChannel<T> channel, Function<?, ?> handler, boolean closedIsAValue) {
            this.channel = channel;
            this.handler = (Function<Object, ?>) handler;
            this.closedIsAValue = closedIsAValue;
        }

        @Override
        AbstractChannel<?> channel() {
            return channel;
        }

        @Override
        Object attempt() {
            Object result = channel.poll();
            return result == AbstractChannel.EMPTY ? NOT_READY : result;
        }

        @Override
        WaitNode node(Waiter waiter, int index) {
            return new WaitNode(waiter, index, null);
        }

        @Override
        boolean register(WaitNode node) {
            return channel.registerReceiver(node);
        }

        @Override
        void unregister(WaitNode node) {
            channel.unregister(node, channel.receivers);
        }

        @Override
        Object handedOver(WaitNode node) {
            return node.item;
        }

        @Override
        Object fire(Object outcome) {
            if (closedIsAValue) {
                return handler.apply(channel.outcome(outcome));
            }
            if (outcome == AbstractChannel.CLOSED) {
                throw channel.closedForReceive();
            }
            return handler.apply(outcome);
        }
    }

    private static final class SendClause<T> extends Clause {
        private static final Object SENT = new Object();

        private final AbstractChannel<T> channel;
        private final T element;
        private final Supplier<?> handler;

        SendClause(AbstractChannel<T> channel, T element, Supplier<?> handler) {
            this.channel = channel;
            this.element = element;
            this.handler = handler;
        }

        @Override
        AbstractChannel<?> channel() {
            return channel;
        }

        @Override
        Object attempt() {
            int result = channel.offer(element);
            if (result == AbstractChannel.CLOSED_FOR_SEND) {
                throw channel.closedForSend();
            }
            return result == AbstractChannel.SENT ? SENT : NOT_READY;
        }

        @Override
        WaitNode node(Waiter waiter, int index) {
            return new WaitNode(waiter, index, element);
        }

        @Override
        boolean register(WaitNode node) {
            return channel.registerSender(node);
        }

        @Override
        void unregister(WaitNode node) {
            channel.unregister(node, channel.senders);
        }

        @Override
        Object handedOver(WaitNode node) {
            return SENT;
        }

        @Override
        Object fire(Object outcome) {
            return handler.get();
        }
    }
}
