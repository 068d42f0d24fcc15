package dev.paddock.api.v1alpha1;

/** Letter grades, best first. */
public enum Grade {
  S,
  A,
  B,
  C,
  D,
  F
}
