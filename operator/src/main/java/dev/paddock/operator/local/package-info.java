/**
 * {@code paddock run}: a whole study on one machine, from the same manifest a cluster takes. Trials
 * run the trainer container's command (any command: {@code paddock-trainer}, {@code python3
 * train.py}, ...) as child processes with the trainer contract's environment, their metrics pushed
 * or collected from their output or a file by the contract's parser; the report endpoint listens on
 * loopback; search, pruning, grading, archive and promotion are the same domain code the operator
 * calls. State lives in a directory with the artifact store's layout, so an interrupted run resumes
 * where it stopped.
 */
package dev.paddock.operator.local;
