package dev.windjammer.bench.image;

import dev.windjammer.examples.image.imaging.Sepia;
import java.awt.image.BandCombineOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sepia on one 800 × 600 frame (the service's output size): {@link Sepia#applyInPlace(int[])}
 * (fixed-point matrix over the packed int[]) against the JDK's colour-matrix operator
 * {@link BandCombineOp} over the same image's raster. Both write into a frame that is
 * refreshed from the source before each call, so neither tones already-toned pixels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true"})
public class SepiaBenchmark {

    private static final float[][] MATRIX = {
            {0.393f, 0.769f, 0.189f},
            {0.349f, 0.686f, 0.168f},
            {0.272f, 0.534f, 0.131f},
    };

    private int[] source;
    private BufferedImage frame;
    private int[] framePixels;
    private BufferedImage target;
    private BandCombineOp bandCombine;

    @Setup(Level.Trial)
    public void setUp() {
        source = new int[800 * 600];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < source.length; i++) {
            source[i] = random.nextInt() & 0xFFFFFF;
        }
        frame = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        framePixels = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
        target = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        bandCombine = new BandCombineOp(MATRIX, null);
    }

    @Setup(Level.Invocation)
    public void refresh() {
        System.arraycopy(source, 0, framePixels, 0, source.length);
    }

    @Benchmark
    public int[] windjammerSepia() {
        Sepia.applyInPlace(framePixels);
        return framePixels;
    }

    @Benchmark
    public WritableRaster jdkBandCombineOp() {
        return bandCombine.filter(frame.getRaster(), target.getRaster());
    }
}
