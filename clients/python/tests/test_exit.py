"""The summary a script gets at exit when it does not call finish(): real Python processes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLIENT = str(Path(__file__).resolve().parents[1])


def run(script, trial_env, tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PADDOCK_")}
    environ.update(trial_env)
    environ["PYTHONPATH"] = CLIENT
    done = subprocess.run([sys.executable, "-c", script], env=environ, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    log = Path(trial_env["PADDOCK_TERMINATION_LOG"])
    return done, (json.loads(log.read_text()) if log.exists() else None)


def test_a_script_that_reports_every_epoch_completes(trial_env, tmp_path, operator):
    done, message = run(
        "import paddock\n"
        "for e in range(1, paddock.epochs() + 1):\n"
        "    paddock.report(e, loss=1.0 / e)\n",
        trial_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert message == {"status": "completed", "epoch": 3, "metrics": {"loss": 1.0 / 3},
                       "retryable": False}
    assert operator.epochs() == [1, 2, 3]


def test_a_crash_is_a_failed_summary_with_the_error(trial_env, tmp_path, operator):
    done, message = run(
        "import paddock\n"
        "paddock.report(1, loss=0.5)\n"
        "raise ZeroDivisionError('the data ran out')\n",
        trial_env, tmp_path)
    assert done.returncode == 1
    assert "ZeroDivisionError: the data ran out" in done.stderr, "the traceback is still printed"
    assert message["status"] == "failed"
    assert message["error"] == "ZeroDivisionError: the data ran out"
    assert message["epoch"] == 1 and message["metrics"] == {"loss": 0.5}
    assert message["retryable"] is True


def test_a_stopped_script_says_stopped(trial_env, tmp_path, operator):
    operator.decide = lambda body: (200, {"decision": "stop" if body["epoch"] == 2 else "continue"})
    done, message = run(
        "import paddock\n"
        "for e in range(1, 4):\n"
        "    if paddock.report(e, loss=1.0 / e):\n"
        "        break\n",
        trial_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert message["status"] == "stopped" and message["epoch"] == 2


def test_an_unclear_end_writes_nothing(trial_env, tmp_path, operator):
    done, message = run("import paddock\npaddock.report(1, loss=0.5)\n", trial_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert message is None, "1 of 3 epochs and no finish(): Paddock says no summary was written"


def test_finish_wins_over_the_exit_hook(trial_env, tmp_path, operator):
    done, message = run(
        "import paddock\n"
        "paddock.report(1, loss=0.5)\n"
        "paddock.finish('completed', test_acc=0.9)\n",
        trial_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert message == {"status": "completed", "epoch": 1, "metrics": {"test_acc": 0.9},
                       "retryable": False}


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:9/v1/report"])
def test_standalone_or_with_the_operator_gone_the_script_still_ends(trial_env, tmp_path, url):
    environ = dict(trial_env)
    if url:
        environ["PADDOCK_REPORT_URL"] = url
    else:
        environ = {}
    done = subprocess.run(
        [sys.executable, "-c",
         "import paddock\n"
         "for e in range(1, 4):\n"
         "    assert paddock.report(e, loss=1.0 / e) is False\n"
         "print('trained')\n"],
        env={**{k: v for k, v in os.environ.items() if not k.startswith("PADDOCK_")},
             **environ, "PYTHONPATH": CLIENT},
        cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "trained\n"
