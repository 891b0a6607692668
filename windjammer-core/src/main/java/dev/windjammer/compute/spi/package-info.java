/**
 * The backend SPI of the compute layer: where the map step of {@code Compute.parallel} and
 * {@code Compute.mapReduce} may run besides the local pool (a remote compute server, a
 * cluster). Users select a backend by name; their calls to {@code Compute} stay the same.
 * See {@link dev.windjammer.compute.spi.ComputeBackend} for the fallback rules.
 */
package dev.windjammer.compute.spi;
