/**
 * A study's progress as plain Java, shared by the cluster reconciler and the local runner: the
 * study definition read from a {@code TrainingStudy} spec ({@link
 * dev.paddock.operator.study.StudyDefinitions}), and the pure planner that, from the definition and
 * the trials so far, says which trials to create next, whether running trials must stop, and the
 * study's phase ({@link dev.paddock.operator.study.StudyPlanner}).
 */
package dev.paddock.operator.study;
