package dev.paddock.trainer.data;

/**
 * The decisions made from a table's profile: which column is the label, which columns feed which
 * inputs, where the time lives.
 *
 * @param features the feature spec (not yet standardized)
 * @param label the label and task
 * @param labelIndex the label's column index
 * @param featureIndex each feature's column index, in feature order
 * @param timeIndex the time column's index, or -1
 */
public record TablePlan(
    FeatureSpec features, LabelSpec label, int labelIndex, int[] featureIndex, int timeIndex) {}
