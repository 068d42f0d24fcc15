"""The run's final summary, written as the container's termination message.

The shape is the DJL trainer's (trainer-image/.../report/TerminationMessage.java), which the
operator and the local runner read (operator/.../local/TerminationMessage.java)::

    {"status": "completed|stopped|failed", "epoch": N, "metrics": {...}, "error": "...",
     "retryable": false}

Kubernetes keeps at most 4096 bytes of it, so a long summary is shortened the same way: the
validation metrics (``val_*``) first, then the error cut to 1000 characters.
"""

import json
import logging
import os

from .reporter import finite_metrics

LOG = logging.getLogger("paddock")

LIMIT = 4096
STATUSES = ("completed", "stopped", "failed")


def summary(status, epoch, metrics, error=None, retryable=False):
    """The summary as a dict (NaN and inf dropped)."""
    if status not in STATUSES:
        raise ValueError("status must be one of %s, got %r" % (", ".join(STATUSES), status))
    out = {"status": status, "epoch": int(epoch), "metrics": finite_metrics(metrics)}
    if error is not None:
        out["error"] = str(error)
    out["retryable"] = bool(retryable)
    return out


def render(message):
    """The summary as JSON of at most :data:`LIMIT` bytes."""
    text = json.dumps(message)
    if len(text.encode("utf-8")) <= LIMIT:
        return text
    short = dict(message)
    short["metrics"] = {k: v for k, v in message["metrics"].items() if k.startswith("val_")}
    if short.get("error") is not None:
        short["error"] = short["error"][:1000]
    text = json.dumps(short)
    if len(text.encode("utf-8")) <= LIMIT:
        return text
    short["metrics"] = {}
    return json.dumps(short)


def write(path, message):
    """Writes the summary to ``path``; a failure to write is logged, never raised. Returns the
    JSON written."""
    text = render(message)
    if path:
        try:
            directory = os.path.dirname(path)
            if directory:
                os.makedirs(directory, exist_ok=True)
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as e:
            LOG.warning("paddock: cannot write the termination message to %s: %s", path, e)
    return text
