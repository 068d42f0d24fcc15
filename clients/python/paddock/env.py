"""The names of the environment variables a trial's container gets.

These mirror contract/src/main/java/dev/paddock/contract/TrainerEnv.java, the one list the
operator, the local runner and the DJL trainer use: change them there and here together
(tests/test_env_names.py compares the two when the Java source is beside this package).
"""

#: ``namespace/name`` of the trial.
TRIAL = "PADDOCK_TRIAL"
#: JSON object of the trial's parameters, keys sorted.
PARAMS = "PADDOCK_PARAMS"
#: Prefix of one variable per parameter: ``batch_size`` is ``PADDOCK_PARAM_BATCH_SIZE``.
PARAM_PREFIX = "PADDOCK_PARAM_"
EPOCHS = "PADDOCK_EPOCHS"
ARTIFACTS = "PADDOCK_ARTIFACTS"
REPORT_URL = "PADDOCK_REPORT_URL"
REPORT_TOKEN = "PADDOCK_REPORT_TOKEN"
CHECKPOINT_EVERY = "PADDOCK_CHECKPOINT_EVERY"
TERMINATION_LOG = "PADDOCK_TERMINATION_LOG"
THREADS = "PADDOCK_THREADS"
S3_ENDPOINT = "PADDOCK_S3_ENDPOINT"
S3_ACCESS_KEY = "PADDOCK_S3_ACCESS_KEY"
S3_SECRET_KEY = "PADDOCK_S3_SECRET_KEY"
#: A directory whose contents become the trial's artifacts when the trainer ends.
OUTPUT_DIR = "PADDOCK_OUTPUT_DIR"
#: A directory kept across attempts: a retried or resumed trial finds its checkpoints there.
CHECKPOINT_DIR = "PADDOCK_CHECKPOINT_DIR"


def param_variable(name):
    """``PADDOCK_PARAM_<NAME>`` for a parameter name (``lr`` -> ``PADDOCK_PARAM_LR``)."""
    return PARAM_PREFIX + name.upper()
