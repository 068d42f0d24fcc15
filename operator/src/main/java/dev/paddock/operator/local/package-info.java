/**
 * {@code paddock run}: a whole study on one machine, from the same manifest a cluster takes. Trials
 * run as child processes of {@code paddock-trainer} with the trainer contract's environment; the
 * report endpoint listens on loopback; search, pruning, grading, archive and promotion are the same
 * domain code the operator calls. State lives in a directory with the artifact store's layout, so
 * an interrupted run resumes where it stopped.
 */
package dev.paddock.operator.local;
