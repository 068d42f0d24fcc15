"""Epoch reports to the operator, best effort.

The protocol is the one the DJL trainer speaks (trainer-image/.../report/EpochReporter.java):
``POST PADDOCK_REPORT_URL`` with ``Authorization: Bearer PADDOCK_REPORT_TOKEN`` and the body
``{"trial": "<ns>/<name>", "epoch": N, "metrics": {...}}``; the answer is
``{"decision": "continue"}`` or ``{"decision": "stop"}``, and HTTP 410 means the trial has ended
(stop, and send nothing more).

A report that fails (the operator restarting, a network blip) stays queued and is sent again, in
order, before the next one. Training never waits long for it: each request has a timeout, one call
spends at most ``budget`` seconds sending, and after a failure the next attempt waits for a
backoff that doubles up to ``max_backoff`` (reports made meanwhile are only queued).
"""

import collections
import json
import logging
import math
import threading
import time
import urllib.error
import urllib.request

LOG = logging.getLogger("paddock")

#: The most reports kept while the operator is away; the oldest go first.
MAX_QUEUED = 10000


def finite_metrics(metrics):
    """The metrics JSON can carry: finite numbers, as floats. NaN, inf, None, booleans and
    anything that is not a number are dropped. Numbers of other libraries (numpy scalars, a
    one-element tensor) are taken through ``float()``."""
    out = {}
    for name, value in metrics.items():
        if value is None or isinstance(value, (bool, str, bytes)):
            continue
        try:
            number = float(value)
        except Exception:  # a value that is not a number: dropped
            continue
        if math.isfinite(number):
            out[str(name)] = number
    return out


class Reporter:
    """Sends one trial's epochs to its report URL. Thread-safe; never raises.

    :param url: the report endpoint (``PADDOCK_REPORT_URL``)
    :param token: the trial's bearer token (``PADDOCK_REPORT_TOKEN``)
    :param trial: ``namespace/name`` (``PADDOCK_TRIAL``)
    :param timeout: seconds for one request (connecting and each read)
    :param budget: seconds one :meth:`report` may spend sending queued reports
    :param min_backoff: seconds to wait after a first failure before trying again
    :param max_backoff: the longest wait between attempts while the operator is away
    """

    def __init__(self, url, token, trial, timeout=5.0, budget=10.0, min_backoff=1.0,
                 max_backoff=60.0, clock=time.monotonic):
        self.url = url
        self.token = token
        self.trial = trial
        self.timeout = timeout
        self.budget = budget
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self._clock = clock
        self._lock = threading.Lock()
        self._pending = collections.deque()
        self._stop = False
        self._gone = False
        self._last_acked = 0
        self._backoff = 0.0
        self._next_try = 0.0
        self._failing = False
        self.reason = None
        # Straight to the operator: the proxies of the environment are not for it.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    @property
    def stop(self):
        """True once the operator said stop (or that the trial has ended)."""
        return self._stop

    @property
    def pending(self):
        """Reports not yet acknowledged, oldest first."""
        with self._lock:
            return [dict(body) for body in self._pending]

    @property
    def last_acked(self):
        """The highest epoch the operator acknowledged."""
        return self._last_acked

    def report(self, epoch, metrics):
        """Queues this epoch and sends what is pending; True when the trial should stop."""
        try:
            self.enqueue(epoch, metrics)
            self.flush()
        except Exception as e:  # never into training
            LOG.warning("paddock: report of epoch %s failed: %r", epoch, e)
        return self._stop

    def enqueue(self, epoch, metrics):
        """Queues an epoch without sending it."""
        body = {"trial": self.trial, "epoch": int(epoch), "metrics": finite_metrics(metrics)}
        with self._lock:
            if self._gone:
                return
            if len(self._pending) >= MAX_QUEUED:
                self._pending.popleft()
            self._pending.append(body)

    def flush(self, budget=None, force=False):
        """Sends pending reports in order until one fails or the budget is spent; True when none
        is left. During a backoff after a failure nothing is sent, unless ``force`` (the last try,
        at the end of the run)."""
        with self._lock:
            budget = self.budget if budget is None else budget
            now = self._clock()
            if self._pending and now < self._next_try and not force:
                return False
            deadline = now + budget
            while self._pending and not self._gone:
                if self._clock() >= deadline:
                    return False
                body = self._pending[0]
                if not self._send(body, min(self.timeout, max(0.05, deadline - self._clock()))):
                    self._backoff = (self.min_backoff if self._backoff == 0
                                     else min(self.max_backoff, self._backoff * 2))
                    self._next_try = self._clock() + self._backoff
                    return False
                self._pending.popleft()
                self._last_acked = max(self._last_acked, body["epoch"])
                self._backoff = 0.0
                self._next_try = 0.0
                if self._failing:
                    self._failing = False
                    LOG.warning("paddock: reports are delivered again (%d pending)",
                                len(self._pending))
            if self._gone:
                # The operator no longer takes this trial's reports: nothing is kept.
                self._pending.clear()
            return not self._pending

    def _send(self, body, timeout):
        data = json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url, data=data, method="POST")
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with self._opener.open(request, timeout=timeout) as response:
                self._read_decision(response.read(65536))
                return True
        except urllib.error.HTTPError as e:
            if e.code == 410:
                LOG.warning("paddock: the operator says this trial has ended: stopping")
                self._gone = True
                self._stop = True
                self.reason = "the trial has ended"
                return True
            self._failed(body, "HTTP %d" % e.code)
            return False
        except Exception as e:  # refused, timed out, reset, unreadable...
            self._failed(body, repr(e))
            return False

    def _failed(self, body, why):
        if not self._failing:
            self._failing = True
            LOG.warning("paddock: report of epoch %s failed (%s): kept, sent again later",
                        body["epoch"], why)
        else:
            LOG.debug("paddock: report of epoch %s failed again (%s)", body["epoch"], why)

    def _read_decision(self, raw):
        try:
            answer = json.loads(raw.decode("utf-8")) if raw and raw.strip() else {}
        except ValueError:
            LOG.warning("paddock: unreadable report answer: %r", raw[:200])
            return
        if isinstance(answer, dict) and str(answer.get("decision", "")).lower() == "stop":
            if not self._stop:
                LOG.warning("paddock: the operator says stop (%s)", answer.get("reason"))
            self._stop = True
            self.reason = answer.get("reason")
