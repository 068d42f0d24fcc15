package dev.paddock.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.paddock.trainer.config.Hyperparams;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam, AdamW and SGD with momentum over a block's trainable parameters, with its state (moments,
 * step count) held here so that a checkpoint can save and restore it exactly. The arithmetic runs
 * in libtorch through DJL's fused update ops, which also zero the gradients.
 */
public final class Updater {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  private final String kind;
  private final float weightDecay;
  private final float momentum;
  private final List<Parameter> params = new ArrayList<>();
  private final List<NDArray> grads = new ArrayList<>();
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private long step;

  public Updater(Hyperparams hp, List<Parameter> blockParams, NDManager manager) {
    this.kind = hp.optimizer();
    this.weightDecay = hp.weightDecay();
    this.momentum = hp.momentum();
    for (Parameter p : blockParams) {
      if (!p.requiresGradient()) {
        continue;
      }
      NDArray w = p.getArray();
      params.add(p);
      first.add(manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
      second.add(manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
    }
    attachGradients();
  }

  /**
   * Marks the current weight arrays as needing gradients; call again after loading weights, which
   * replaces the arrays.
   */
  public void attachGradients() {
    grads.forEach(NDArray::close);
    grads.clear();
    for (Parameter p : params) {
      p.getArray().setRequiresGradient(true);
    }
  }

  /**
   * The gradient arrays, fetched once after the first backward pass and then reused: the fused
   * updates zero them in place and backward accumulates into them in place, so the same tensors
   * hold each step's gradients. Saves two native calls per parameter per step.
   */
  private List<NDArray> gradients() {
    if (grads.isEmpty()) {
      for (Parameter p : params) {
        grads.add(p.getArray().getGradient());
      }
    }
    return grads;
  }

  public long step() {
    return step;
  }

  /** Sum over parameters of the squared gradient norms, as a scalar NDArray on {@code m}. */
  public NDArray gradSquaredNorm(NDManager m) {
    NDArray total = null;
    for (NDArray g : gradients()) {
      NDArray s = g.square().sum();
      total = total == null ? s : total.add(s);
    }
    return total;
  }

  /** One update with learning rate {@code lr}; gradients are scaled by {@code rescale} first. */
  public void update(float lr, float rescale, NDManager m) {
    step++;
    float biasCorrected =
        (float) (lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
    List<NDArray> g = gradients();
    for (int i = 0; i < params.size(); i++) {
      NDArray w = params.get(i).getArray();
      if ("sgd".equals(kind)) {
        w.getNDArrayInternal()
            .sgdUpdate(
                new NDList(w, g.get(i), first.get(i)),
                new NDList(w),
                lr,
                weightDecay,
                rescale,
                -1f,
                momentum,
                false);
      } else {
        w.getNDArrayInternal()
            .adamUpdate(
                new NDList(w, g.get(i), first.get(i), second.get(i)),
                new NDList(w),
                lr,
                biasCorrected,
                weightDecay,
                rescale,
                -1f,
                BETA1,
                BETA2,
                EPS,
                false,
                "adamw".equals(kind));
      }
    }
  }

  /** The optimizer state for a checkpoint. */
  public byte[] save() {
    NDList all = new NDList();
    all.addAll(first);
    all.addAll(second);
    return all.encode();
  }

  /** Restores state saved by {@link #save()}. */
  public void load(byte[] bytes, long savedStep, NDManager manager) {
    try (NDManager tmp = manager.newSubManager()) {
      NDList all = NDList.decode(tmp, bytes);
      int n = params.size();
      if (all.size() != 2 * n) {
        throw new IllegalStateException("optimizer state has " + all.size() + " arrays");
      }
      for (int i = 0; i < n; i++) {
        all.get(i).copyTo(first.get(i));
        all.get(n + i).copyTo(second.get(i));
      }
    }
    step = savedStep;
  }
}
