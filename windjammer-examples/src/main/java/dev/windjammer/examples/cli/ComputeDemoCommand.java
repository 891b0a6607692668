package dev.windjammer.examples.cli;

import dev.windjammer.examples.compute.ComputeDemo;
import picocli.CommandLine.Command;

/** {@code windjammer compute-demo}: the compute layer's demo, {@link ComputeDemo}. */
@Command(name = "compute-demo",
        mixinStandardHelpOptions = true,
        versionProvider = WindjammerCli.Version.class,
        description = "Measure a few workloads as a sequential loop and with Compute.parallel, and print the speedups.")
final class ComputeDemoCommand implements Runnable {

    @Override
    public void run() {
        ComputeDemo.main(new String[0]);
    }
}
