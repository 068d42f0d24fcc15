"""Paddock's trainer contract for Python training scripts (standard library only).

::

    import paddock

    lr = paddock.param("lr", 0.01)              # PADDOCK_PARAMS, else the default
    out = paddock.output_dir()                  # the trial's artifacts go here
    ckpt = paddock.checkpoint_dir()             # kept across attempts: resume from here
    for epoch in range(start, epochs + 1):
        ...
        if paddock.report(epoch, loss=loss, val_acc=val_acc):
            break                               # the operator stopped this trial early
    paddock.finish("stopped" if paddock.should_stop() else "completed")

Outside Paddock (no ``PADDOCK_*`` environment) the same script runs standalone: :func:`report`
sends nothing and returns False, the directories default to ``./paddock-output``.

Reports are best effort, as in the DJL trainer: a report the operator does not take stays queued
and is sent again, in order, before the next one; a call never raises and never waits long (a
timeout per request, a budget per call, a backoff while the operator is away).

At exit, a script that did not call :func:`finish` gets a summary anyway when its end is clear:
``failed`` with the error after an uncaught exception, ``stopped`` after a stop, ``completed`` once
it has reported its last epoch (``PADDOCK_EPOCHS``). Otherwise it writes none and Paddock says the
trainer wrote no termination message: call :func:`finish` when the script decides its own end.
"""

import atexit
import json
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path

from . import env as _env
from . import termination as _termination
from .reporter import Reporter, finite_metrics

__all__ = [
    "params",
    "param",
    "epochs",
    "trial",
    "managed",
    "report",
    "should_stop",
    "output_dir",
    "checkpoint_dir",
    "finish",
    "Reporter",
    "finite_metrics",
]

__version__ = "0.1.0"

LOG = logging.getLogger("paddock")

#: Where outputs go when the script runs outside Paddock (relative to the working directory).
LOCAL_OUTPUT = "paddock-output"

#: The kubelet's default termination message path, used when PADDOCK_TERMINATION_LOG is unset.
KUBERNETES_TERMINATION_LOG = "/dev/termination-log"


class _Run:
    """What this process knows of its trial: read once from the environment."""

    def __init__(self, environ):
        self.environ = dict(environ)
        self.trial = self.environ.get(_env.TRIAL) or None
        url = self.environ.get(_env.REPORT_URL) or None
        self.reporter = None
        if url and self.trial:
            self.reporter = Reporter(url, self.environ.get(_env.REPORT_TOKEN), self.trial)
        elif url:
            LOG.warning("paddock: %s is set but %s is not: reports are not sent",
                        _env.REPORT_URL, _env.TRIAL)
        self.lock = threading.Lock()
        self.last_epoch = 0
        self.last_metrics = {}
        self.finished = False
        self.crash = None
        self.hooked = False

    def managed(self):
        return self.trial is not None

    def termination_path(self):
        path = self.environ.get(_env.TERMINATION_LOG)
        if path:
            return path
        if self.managed() and os.access(KUBERNETES_TERMINATION_LOG, os.W_OK):
            return KUBERNETES_TERMINATION_LOG
        return None

    def epochs(self):
        try:
            return int(self.environ[_env.EPOCHS])
        except (KeyError, ValueError):
            return None

    def hook(self):
        """At exit, a summary for a script that did not call finish()."""
        if self.hooked or not self.managed():
            return
        self.hooked = True
        previous = sys.excepthook

        def excepthook(kind, value, traceback):
            if not issubclass(kind, (KeyboardInterrupt, SystemExit)):
                self.crash = "%s: %s" % (kind.__name__, value)
            previous(kind, value, traceback)

        sys.excepthook = excepthook
        atexit.register(self.at_exit)

    def at_exit(self):
        if self.finished:
            return
        try:
            if self.crash is not None:
                self.finish("failed", error=self.crash, retryable=True)
            elif self.reporter is not None and self.reporter.stop:
                self.finish("stopped")
            elif self.epochs() is not None and self.last_epoch >= self.epochs() > 0:
                self.finish("completed")
        except Exception as e:  # at exit, never a second traceback
            LOG.warning("paddock: no summary at exit: %r", e)

    def report(self, epoch, metrics):
        with self.lock:
            clean = finite_metrics(metrics)
            try:
                self.last_epoch = max(self.last_epoch, int(epoch))
            except (TypeError, ValueError):
                LOG.warning("paddock: epoch %r is not a number: not reported", epoch)
                return self.reporter is not None and self.reporter.stop
            self.last_metrics = clean
        if self.reporter is None:
            return False
        return self.reporter.report(epoch, clean)

    def finish(self, status, epoch=None, error=None, retryable=False, metrics=None):
        if self.reporter is not None:
            self.reporter.flush(force=True)
        with self.lock:
            message = _termination.summary(
                status,
                self.last_epoch if epoch is None else epoch,
                metrics if metrics else self.last_metrics,
                error,
                retryable,
            )
            self.finished = True
        _termination.write(self.termination_path(), message)
        return message


_run = None
_run_lock = threading.Lock()


def _current():
    global _run
    with _run_lock:
        if _run is None:
            _run = _Run(os.environ)
            _run.hook()
        return _run


def _reset():
    """Forgets what was read from the environment (for tests)."""
    global _run
    with _run_lock:
        _run = None


def params():
    """The trial's parameters (``PADDOCK_PARAMS``), values as its JSON gives them (Paddock gives
    each as a string, e.g. ``{"batch_size": "32", "lr": "0.01"}``: see :func:`param`); an empty
    dict outside Paddock."""
    raw = _current().environ.get(_env.PARAMS)
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError as e:
        raise ValueError("%s is not valid JSON: %s" % (_env.PARAMS, e)) from None
    if not isinstance(value, dict):
        raise ValueError("%s must be a JSON object, got: %s" % (_env.PARAMS, raw))
    return value


def param(name, default=None):
    """One parameter, converted to the type of ``default`` (int, float, bool or str) when one is
    given; ``default`` when the trial has no such parameter."""
    values = params()
    if name not in values:
        return default
    value = values[name]
    if default is None or isinstance(value, type(default)) and not isinstance(value, bool):
        return value
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes", "on")
        return bool(value)
    if isinstance(default, int):
        number = float(value)
        if not number.is_integer():
            raise ValueError("parameter %s is %r, not an integer" % (name, value))
        return int(number)
    return type(default)(value)


def epochs(default=None):
    """The trial's epochs (``PADDOCK_EPOCHS``), else ``default``."""
    value = _current().epochs()
    return default if value is None else value


def trial():
    """``namespace/name`` of the trial (``PADDOCK_TRIAL``); None outside Paddock."""
    return _current().trial


def managed():
    """True when this process runs as a Paddock trial."""
    return _current().managed()


def report(epoch, **metrics):
    """Reports an epoch's metrics; returns True when the trial should stop (early stopping, or the
    trial has ended). NaN, inf and values that are not numbers are dropped. Never raises; outside
    Paddock it sends nothing and returns False."""
    try:
        return _current().report(epoch, metrics)
    except Exception as e:  # never into training
        LOG.warning("paddock: report of epoch %s failed: %r", epoch, e)
        return False


def should_stop():
    """The latest decision: True once the operator said stop."""
    reporter = _current().reporter
    return reporter is not None and reporter.stop


def _directory(variable, local):
    path = _current().environ.get(variable)
    if path:
        candidates = [Path(path)]
    else:
        candidates = [Path(local), Path(tempfile.gettempdir()) / local]
    for i, candidate in enumerate(candidates):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            return candidate
        except OSError:
            if i == len(candidates) - 1:
                raise
    return candidates[-1]


def output_dir():
    """The directory whose contents become the trial's artifacts (``PADDOCK_OUTPUT_DIR``),
    created if missing; ``./paddock-output`` outside Paddock (or under the temporary directory
    when the working directory is read-only)."""
    return _directory(_env.OUTPUT_DIR, LOCAL_OUTPUT)


def checkpoint_dir():
    """The directory kept across attempts of the trial (``PADDOCK_CHECKPOINT_DIR``): save
    checkpoints here and resume from them. Created if missing; ``./paddock-output/checkpoints``
    outside Paddock."""
    return _directory(_env.CHECKPOINT_DIR, os.path.join(LOCAL_OUTPUT, "checkpoints"))


def finish(status="completed", epoch=None, error=None, retryable=False, **metrics):
    """Ends the run: sends what is still queued (within the report budget) and writes the final
    summary to the termination message (``PADDOCK_TERMINATION_LOG``, else the kubelet's
    ``/dev/termination-log`` when writable). ``status`` is completed, stopped or failed; the
    epoch and metrics default to the last reported. Returns the summary."""
    return _current().finish(status, epoch, error, retryable, metrics)
