/**
 * The {@code windjammer} command line: {@code demo}, {@code serve} and {@code compute-demo}
 * ({@link dev.windjammer.examples.cli.WindjammerCli}).
 */
package dev.windjammer.examples.cli;
