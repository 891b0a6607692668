/**
 * The seed's "Combining the Three": async downloads, compute filters and a background thread in
 * one function ({@link dev.windjammer.examples.combined.ProcessImages}).
 */
package dev.windjammer.examples.combined;
