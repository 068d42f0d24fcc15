package dev.paddock.contract.report;

/** The operator's answer to an epoch report. */
public enum Decision {
  CONTINUE,
  STOP
}
