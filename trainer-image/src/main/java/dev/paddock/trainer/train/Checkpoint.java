package dev.paddock.trainer.train;

import java.util.List;
import java.util.Map;

/**
 * The state saved every N epochs: {@code checkpoints/epoch-NNNNNN/state.json}, {@code
 * weights.params} and {@code optimizer.params}.
 *
 * @param epoch the last finished epoch
 * @param step the optimizer's step count
 * @param fingerprint the configuration's fingerprint: a checkpoint of another config is ignored
 * @param lastAckedEpoch the last epoch the operator acknowledged
 * @param history epoch metric rows so far
 * @param probabilityStats probability statistics rows so far
 */
public record Checkpoint(
    int epoch,
    long step,
    String fingerprint,
    int lastAckedEpoch,
    List<Map<String, Double>> history,
    List<Map<String, Object>> probabilityStats) {}
