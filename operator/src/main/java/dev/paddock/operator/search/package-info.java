/**
 * Parameter spaces and samplers (grid, random, TPE), as plain Java with no Kubernetes types.
 *
 * <p>Entry point: {@link dev.paddock.operator.search.Sampler#suggest}. A sampler is a pure function
 * of (search spec, direction, trials so far): trial {@code k}'s random stream is derived from
 * {@code (seed, k)} by {@link dev.paddock.operator.search.TrialRandom}, all floating-point maths
 * that decides a suggestion uses {@link java.lang.StrictMath}, and values are written in one
 * canonical spelling ({@link dev.paddock.operator.search.ValueFormat}), so a restarted operator
 * gets byte-identical suggestions and nothing needs persisting. A batch equals the same suggestions
 * made one at a time with the earlier ones counted as running trials.
 *
 * <p>Caveat for callers: the history passed in is the sampler's whole memory. If trials are deleted
 * (retention), keep their parameters, state and objective somewhere the reconciler reads (grid
 * search in particular would otherwise re-suggest deleted points).
 */
package dev.paddock.operator.search;
