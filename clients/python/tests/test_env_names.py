"""The client's environment names are the contract's (contract/.../TrainerEnv.java)."""

import re
from pathlib import Path

import pytest

from paddock import env

TRAINER_ENV = (Path(__file__).resolve().parents[3]
               / "contract/src/main/java/dev/paddock/contract/TrainerEnv.java")


def test_every_name_matches_trainer_env_java():
    if not TRAINER_ENV.is_file():
        pytest.skip("not in the Paddock repository")
    java = dict(re.findall(r'public static final String (\w+) = "([^"]+)";',
                           TRAINER_ENV.read_text()))
    assert java, "no constants read from " + str(TRAINER_ENV)
    python = {name: value for name, value in vars(env).items()
              if name.isupper() and isinstance(value, str)}
    assert python == java


def test_one_variable_per_parameter():
    assert env.param_variable("batch_size") == "PADDOCK_PARAM_BATCH_SIZE"
