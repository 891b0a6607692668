/**
 * The service's table of jobs: {@link dev.windjammer.examples.image.job.JobStore} keeps each
 * job's per-image {@link dev.windjammer.examples.image.job.ImageOutcome} under a random id,
 * bounded in memory, safe under concurrent updates (docs/adr/0053).
 */
package dev.windjammer.examples.image.job;
