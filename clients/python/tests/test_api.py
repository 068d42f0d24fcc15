"""The module's functions, under Paddock (the environment a trial gets) and standalone."""

import json
import os
import time

import pytest

import paddock
from paddock import termination


def test_params_as_the_json_gives_them_and_param_typed_by_its_default(trial_env):
    assert paddock.params() == {"batch_size": "32", "lr": "0.01", "opt": "adam"}
    assert paddock.param("lr", 0.1) == 0.01
    assert paddock.param("batch_size", 64) == 32
    assert paddock.param("opt", "sgd") == "adam"
    assert paddock.param("missing", 7) == 7
    assert paddock.param("lr") == "0.01"
    assert paddock.epochs() == 3
    assert paddock.trial() == "default/study-0"
    assert paddock.managed()


def test_typed_params_stay_typed(clean_env):
    clean_env.setenv("PADDOCK_PARAMS", json.dumps({"lr": 0.5, "layers": 3, "bn": "true"}))
    assert paddock.params() == {"lr": 0.5, "layers": 3, "bn": "true"}
    assert paddock.param("layers", 1) == 3
    assert paddock.param("bn", False) is True


def test_params_that_are_not_a_json_object_say_so(clean_env):
    clean_env.setenv("PADDOCK_PARAMS", "[1, 2]")
    with pytest.raises(ValueError, match="PADDOCK_PARAMS must be a JSON object"):
        paddock.params()


def test_report_returns_the_operators_decision(trial_env, operator):
    operator.decide = lambda body: (200, {"decision": "stop" if body["epoch"] >= 2 else "continue"})
    assert paddock.report(1, loss=0.9, val_acc=0.5) is False
    assert not paddock.should_stop()
    assert paddock.report(2, loss=0.8, val_acc=float("nan")) is True
    assert paddock.should_stop()
    assert operator.reports == [
        {"trial": "default/study-0", "epoch": 1, "metrics": {"loss": 0.9, "val_acc": 0.5}},
        {"trial": "default/study-0", "epoch": 2, "metrics": {"loss": 0.8}},
    ]


def test_a_bad_epoch_never_raises(trial_env, operator):
    assert paddock.report("three", loss=1.0) is False
    assert operator.reports == []


def test_directories_come_from_the_environment_and_are_created(trial_env):
    out = paddock.output_dir()
    ckpt = paddock.checkpoint_dir()
    assert str(out) == trial_env["PADDOCK_OUTPUT_DIR"]
    assert str(ckpt) == trial_env["PADDOCK_CHECKPOINT_DIR"]
    assert out.is_dir() and ckpt.is_dir()


def test_finish_writes_the_termination_message(trial_env, operator):
    paddock.report(1, loss=0.9, val_acc=0.5)
    paddock.report(2, loss=0.7, val_acc=0.6)
    message = paddock.finish()

    written = json.loads(open(trial_env["PADDOCK_TERMINATION_LOG"]).read())
    assert written == message == {
        "status": "completed",
        "epoch": 2,
        "metrics": {"loss": 0.7, "val_acc": 0.6},
        "retryable": False,
    }


def test_finish_with_explicit_values_and_an_error(trial_env):
    paddock.finish("failed", epoch=4, error="bad data", test_acc=0.8, nan=float("nan"))
    written = json.loads(open(trial_env["PADDOCK_TERMINATION_LOG"]).read())
    assert written == {
        "status": "failed",
        "epoch": 4,
        "metrics": {"test_acc": 0.8},
        "error": "bad data",
        "retryable": False,
    }


def test_finish_sends_what_is_still_queued(trial_env, operator):
    operator.decide = lambda body: (503, {})
    paddock.report(1, loss=0.9)
    assert paddock.report(2, loss=0.8) is False, "queued during the backoff"
    operator.decide = lambda body: (200, {"decision": "continue"})
    paddock.finish()
    assert operator.epochs() == [1, 2]


def test_finish_refuses_an_unknown_status(trial_env):
    with pytest.raises(ValueError, match="completed, stopped, failed"):
        paddock.finish("done")


def test_a_long_summary_keeps_the_validation_metrics_within_4096_bytes():
    metrics = {"metric_%04d" % i: float(i) for i in range(400)}
    metrics["val_acc"] = 0.9
    text = termination.render(termination.summary("failed", 3, metrics, "x" * 5000, True))
    assert len(text.encode()) <= termination.LIMIT
    message = json.loads(text)
    assert message["metrics"] == {"val_acc": 0.9}
    assert message["error"] == "x" * 1000
    assert message["retryable"] is True


def test_an_unwritable_termination_log_is_logged_not_raised(trial_env, tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    trial_env_path = str(blocker / "termination-log")
    os.environ["PADDOCK_TERMINATION_LOG"] = trial_env_path
    paddock._reset()
    paddock.finish()
    assert "cannot write the termination message" in caplog.text


def test_standalone_without_paddock_the_script_just_runs(clean_env, tmp_path):
    started = time.monotonic()
    for epoch in range(1, 6):
        assert paddock.report(epoch, loss=1.0 / epoch) is False
    assert time.monotonic() - started < 0.5
    assert not paddock.should_stop()
    assert not paddock.managed()
    assert paddock.trial() is None
    assert paddock.params() == {}
    assert paddock.param("lr", 0.1) == 0.1
    assert paddock.epochs(10) == 10
    assert paddock.output_dir().resolve() == (tmp_path / "paddock-output").resolve()
    assert paddock.checkpoint_dir().resolve() == (tmp_path / "paddock-output" / "checkpoints").resolve()
    assert paddock.output_dir().is_dir()
    message = paddock.finish()
    assert message["epoch"] == 5
    assert not (tmp_path / "termination-log").exists()


def test_a_read_only_working_directory_falls_back_to_the_temporary_directory(clean_env, tmp_path):
    import pathlib
    import tempfile

    real_mkdir = pathlib.Path.mkdir

    def mkdir(self, *args, **kwargs):
        if not self.is_absolute():
            raise PermissionError("read-only file system")
        return real_mkdir(self, *args, **kwargs)

    clean_env.setattr(pathlib.Path, "mkdir", mkdir)
    clean_env.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    assert paddock.output_dir() == tmp_path / "tmp" / "paddock-output"
    assert paddock.output_dir().is_dir()
