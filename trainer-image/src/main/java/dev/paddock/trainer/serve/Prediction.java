package dev.paddock.trainer.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to {@code POST /v1/predict}.
 *
 * @param predictions the predicted class value, or the predicted number for regression
 * @param probabilities per row, the probability of each class (classification only)
 * @param classes class values in probability order (classification only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(
    List<Object> predictions, List<double[]> probabilities, List<String> classes) {}
