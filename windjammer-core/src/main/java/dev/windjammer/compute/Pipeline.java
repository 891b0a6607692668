package dev.windjammer.compute;

/**
 * The immutable description shared by all fluent sequence types: the pool, the source, the
 * chain of stages, whether the stages keep one output per input (sized), and the chunk bounds.
 *
 * @param pool     where terminal operations run
 * @param source   the elements
 * @param stages   intermediate operations, composed
 * @param sized    whether every stage maps one element to exactly one element
 * @param minChunk the smallest number of positions a leaf is split down to
 * @param maxChunk the largest number of positions a leaf may keep
 */
record Pipeline(ComputePool pool, Source source, Stage stages, boolean sized, long minChunk, long maxChunk) {
    /*
     * Implementation notes
     *
     * Overview. Every intermediate operation returns a new Pipeline (immutable, so a sequence
     * can be run again); a terminal operation opens the source (materialising barriers such
     * as sorted) and runs one Run job. A Run leaf builds a fresh sink chain per chunk: the
     * terminal's accumulator wrapped by the composed stages, then the source pushes the
     * chunk's positions through it in a tight loop. Allocation per chunk (a few small sinks)
     * is negligible at ~10 µs chunks and lets the JIT keep accumulators in registers.
     *
     * Short circuits. A terminal that stops early ends in a HitSink; after a chunk that hit,
     * the leaf tells the terminal the chunk's end, which findFirst turns into Job.stopFrom
     * (no chunk to the right starts) and findAny/anyMatch into Job.stopAll.
     */

    static Pipeline of(ComputePool pool, Source source) {
        return new Pipeline(pool, source, Stage.IDENTITY, true, 1, Long.MAX_VALUE);
    }

    /** Appends a stage; {@code oneToOne} tells whether it keeps the pipeline sized. */
    Pipeline then(Stage stage, boolean oneToOne) {
        return new Pipeline(pool, source, stages.then(stage), sized && oneToOne, minChunk, maxChunk);
    }

    /** Starts a new pipeline over {@code newSource} on the same pool, keeping the chunk bounds. */
    Pipeline restart(Source newSource) {
        return new Pipeline(pool, newSource, Stage.IDENTITY, true, minChunk, maxChunk);
    }

    Pipeline withMinChunk(long min) {
        if (min < 1) {
            throw new IllegalArgumentException("minChunk must be at least 1, got " + min);
        }
        return new Pipeline(pool, source, stages, sized, min, Math.max(min, maxChunk));
    }

    Pipeline withMaxChunk(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxChunk must be at least 1, got " + max);
        }
        return new Pipeline(pool, source, stages, sized, Math.min(minChunk, max), max);
    }

    /**
     * Runs the pipeline into {@code terminal} and returns the node with the combined result.
     *
     * @param what the operation, for messages ({@code "ParallelSeq.reduce"})
     */
    RangeTask run(String what, Terminal terminal) {
        return run(open(), what, terminal);
    }

    /**
     * Runs the pipeline over an already opened source, for operations that size their output
     * by it first.
     */
    RangeTask run(Source opened, String what, Terminal terminal) {
        return pool.engine().run(new Run(opened, stages, terminal, minChunk, maxChunk, what));
    }

    /**
     * Runs an ordered short-circuiting terminal (findFirst) in waves over growing prefixes:
     * [0, w), then the next 2w, 4w ... positions, each wave a parallel run of its own, until one
     * finds something. Both workers then always scan the leftmost unscanned positions, instead of
     * one of them scanning the right half speculatively while the other walks the left half
     * alone; the last wave overshoots the match by at most its own width and is stopped by
     * Job.stopFrom as soon as the match is seen.
     *
     * @return the node of the first wave that found something, or of the last wave
     */
    RangeTask runInWaves(String what, Terminal terminal) {
        Source opened = open();
        long size = opened.size();
        long from = 0;
        long width = Math.max(FIRST_WAVE, size >> 6);
        RangeTask result = null;
        while (from < size) {
            long to = size - from <= width ? size : from + width;
            result = run(new Slice(opened, from, to), what, terminal);
            if (result.present) {
                return result;
            }
            from = to;
            width = Math.min(Long.MAX_VALUE / 2, width * 2);
        }
        return result != null ? result : run(opened, what, terminal);
    }

    /** The smallest first wave of runInWaves: enough work to be worth a hand-off. */
    private static final long FIRST_WAVE = 1 << 14;

    /** Positions {@code [from, to)} of another source, renumbered from 0. */
    private static final class Slice extends Source {
        private final Source whole;
        private final long from;
        private final long size;

        Slice(Source whole, long from, long to) {
            this.whole = whole;
            this.from = from;
            this.size = to - from;
        }

        @Override
        long size() {
            return size;
        }

        @Override
        void push(long lo, long hi, Sink sink) {
            whole.push(from + lo, from + hi, sink);
        }
    }

    /** Opens the source (materialising sorted or chunked upstream work) after checking the pool. */
    Source open() {
        pool.ensureOpen();
        return source.open();
    }

    /** One run of a pipeline: the job whose leaves push a range through the stages. */
    static final class Run extends Job {
        private final Source source;
        private final Stage stages;
        private final Terminal terminal;

        Run(Source source, Stage stages, Terminal terminal, long minChunk, long maxChunk, String what) {
            super(source.size(), minChunk, maxChunk, what);
            this.source = source;
            this.stages = stages;
            this.terminal = terminal;
        }

        @Override
        void leaf(RangeTask node, long lo, long hi) {
            Sink last = terminal.begin(node, lo);
            Sink head = stages.wrap(last);
            source.push(lo, hi, head);
            if (terminal.shortCircuits() && ((HitSink) last).hit) {
                terminal.onFound(this, hi);
            }
            terminal.end(last, node);
        }

        @Override
        void combine(RangeTask parent, RangeTask left, RangeTask right) {
            terminal.combine(parent, left, right);
        }
    }
}
