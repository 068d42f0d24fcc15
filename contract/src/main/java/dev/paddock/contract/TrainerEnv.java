package dev.paddock.contract;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The names of the environment variables a trial's trainer container gets, in the cluster and
 * locally.
 *
 * <p>Each parameter is also given as its own variable, {@code PADDOCK_PARAM_<NAME>}: the
 * parameter's name upper-cased ({@code lr} → {@code PADDOCK_PARAM_LR}, {@code batch_size} → {@code
 * PADDOCK_PARAM_BATCH_SIZE}). Parameter names are {@code ^[a-z][a-z0-9_]*$} (the CRD refuses
 * others), so the mapping is one-to-one and every name is a valid variable name; the value is the
 * parameter's value exactly as in {@code PADDOCK_PARAMS}.
 */
public final class TrainerEnv {

  /** {@code namespace/name} of the trial. */
  public static final String TRIAL = "PADDOCK_TRIAL";

  /** JSON object of the trial's parameters, keys sorted. */
  public static final String PARAMS = "PADDOCK_PARAMS";

  /** Prefix of one variable per parameter. */
  public static final String PARAM_PREFIX = "PADDOCK_PARAM_";

  public static final String EPOCHS = "PADDOCK_EPOCHS";
  public static final String ARTIFACTS = "PADDOCK_ARTIFACTS";
  public static final String REPORT_URL = "PADDOCK_REPORT_URL";
  public static final String REPORT_TOKEN = "PADDOCK_REPORT_TOKEN";
  public static final String CHECKPOINT_EVERY = "PADDOCK_CHECKPOINT_EVERY";
  public static final String TERMINATION_LOG = "PADDOCK_TERMINATION_LOG";
  public static final String THREADS = "PADDOCK_THREADS";
  public static final String S3_ENDPOINT = "PADDOCK_S3_ENDPOINT";
  public static final String S3_ACCESS_KEY = "PADDOCK_S3_ACCESS_KEY";
  public static final String S3_SECRET_KEY = "PADDOCK_S3_SECRET_KEY";

  /** A directory whose contents become the trial's artifacts when the trainer ends. */
  public static final String OUTPUT_DIR = "PADDOCK_OUTPUT_DIR";

  /** A directory kept across attempts: a retried or resumed trial finds its checkpoints there. */
  public static final String CHECKPOINT_DIR = "PADDOCK_CHECKPOINT_DIR";

  private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private TrainerEnv() {}

  /** {@code PADDOCK_PARAM_<NAME>} for a parameter name. */
  public static String paramVariable(String parameter) {
    if (!PARAMETER_NAME.matcher(parameter).matches()) {
      throw new IllegalArgumentException(
          "parameter name " + parameter + " is not ^[a-z][a-z0-9_]*$");
    }
    return PARAM_PREFIX + parameter.toUpperCase(Locale.ROOT);
  }

  /** One variable per parameter, sorted by name (the same parameters give the same pod spec). */
  public static Map<String, String> paramVariables(Map<String, String> parameters) {
    Map<String, String> variables = new TreeMap<>();
    new TreeMap<>(parameters).forEach((name, value) -> variables.put(paramVariable(name), value));
    return variables;
  }
}
