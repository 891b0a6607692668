/**
 * Where the service puts its results: {@link dev.windjammer.examples.image.store.ObjectStore},
 * a directory on the local filesystem by default, or an S3 bucket (AWS SDK v2) when
 * {@link dev.windjammer.examples.image.store.S3Settings} are given.
 */
package dev.windjammer.examples.image.store;
