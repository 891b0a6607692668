/**
 * Windjammer for Java, core: the compute, thread, async and sync layers. Depends on the JDK
 * alone. Only API packages are exported; {@code dev.windjammer.internal} is not.
 */
module dev.windjammer.core {
    exports dev.windjammer;
    exports dev.windjammer.async;
    exports dev.windjammer.compute;
    exports dev.windjammer.compute.spi;
    exports dev.windjammer.sync;
    exports dev.windjammer.thread;

    uses dev.windjammer.compute.spi.ComputeBackendProvider;
}
