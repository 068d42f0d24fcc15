"""Reports against a real HTTP server: decisions, retries in order, 410, bounded waits, NaN."""

import math
import time

from conftest import FakeOperator
from paddock import Reporter, finite_metrics


def reporter(url, **kwargs):
    kwargs.setdefault("timeout", 2.0)
    kwargs.setdefault("min_backoff", 0.0)
    return Reporter(url, "v2.uid.mac", "default/study-0", **kwargs)


def test_each_epoch_is_posted_with_the_token_and_answered_with_the_decision(operator):
    decisions = iter(["continue", "continue", "stop"])
    operator.decide = lambda body: (200, {"decision": next(decisions), "reason": "median"})
    r = reporter(operator.url)

    assert r.report(1, {"loss": 0.9, "val_acc": 0.5}) is False
    assert r.report(2, {"loss": 0.7, "val_acc": 0.6}) is False
    assert r.report(3, {"loss": 0.6, "val_acc": 0.61}) is True

    assert operator.reports[0] == {
        "trial": "default/study-0",
        "epoch": 1,
        "metrics": {"loss": 0.9, "val_acc": 0.5},
    }
    assert operator.epochs() == [1, 2, 3]
    assert operator.headers[0]["Authorization"] == "Bearer v2.uid.mac"
    assert operator.headers[0]["Content-Type"] == "application/json"
    assert r.reason == "median"
    assert r.last_acked == 3


def test_a_stop_is_remembered(operator):
    operator.decide = lambda body: (200, {"decision": "stop" if body["epoch"] == 1 else "continue"})
    r = reporter(operator.url)
    assert r.report(1, {"loss": 1.0}) is True
    assert r.report(2, {"loss": 0.9}) is True
    assert r.stop


def test_reports_made_while_the_operator_is_down_are_sent_later_in_order(free_port):
    url = "http://127.0.0.1:%d/v1/report" % free_port
    r = reporter(url)

    started = time.monotonic()
    assert r.report(1, {"loss": 0.9}) is False
    assert r.report(2, {"loss": 0.8}) is False
    assert time.monotonic() - started < 2, "a refused connection costs no wait"
    assert [b["epoch"] for b in r.pending] == [1, 2]

    operator = FakeOperator(port=free_port)
    try:
        assert r.report(3, {"loss": 0.7}) is False
        assert operator.epochs() == [1, 2, 3]
        assert [b["metrics"]["loss"] for b in operator.reports] == [0.9, 0.8, 0.7]
        assert r.pending == []
    finally:
        operator.close()


def test_a_server_error_keeps_the_report_for_later(operator):
    answers = iter([503, 500])
    operator.decide = lambda body: (next(answers, 200), {"decision": "continue"})
    r = reporter(operator.url)

    assert r.report(1, {"loss": 1.0}) is False
    assert [b["epoch"] for b in r.pending] == [1]
    assert r.report(2, {"loss": 0.9}) is False
    assert r.report(3, {"loss": 0.8}) is False
    assert operator.epochs() == [1, 2, 3]


def test_410_means_the_trial_has_ended_stop_and_drop_the_queue(operator, free_port):
    operator.decide = lambda body: (410, {"decision": "stop", "error": "trial has ended"})
    r = reporter(operator.url)
    r.enqueue(1, {"loss": 1.0})
    r.enqueue(2, {"loss": 0.9})

    assert r.report(3, {"loss": 0.8}) is True
    assert operator.epochs() == [1], "nothing more is sent once the trial has ended"
    assert r.pending == []

    assert r.report(4, {"loss": 0.7}) is True
    assert operator.epochs() == [1]
    assert r.pending == []


def test_a_slow_operator_holds_training_no_longer_than_the_timeout(operator):
    operator.delay = 3.0
    r = reporter(operator.url, timeout=0.3, min_backoff=0.5)

    started = time.monotonic()
    assert r.report(1, {"loss": 1.0}) is False
    assert time.monotonic() - started < 1.5
    assert [b["epoch"] for b in r.pending] == [1]

    # During the backoff, a report is only queued: no wait at all.
    started = time.monotonic()
    assert r.report(2, {"loss": 0.9}) is False
    assert time.monotonic() - started < 0.1
    assert [b["epoch"] for b in r.pending] == [1, 2]

    operator.delay = 0.0
    time.sleep(0.6)
    assert r.report(3, {"loss": 0.8}) is False
    # Epoch 1 may have been taken late by the slow server too: the operator copes with repeats.
    assert operator.epochs()[-3:] == [1, 2, 3]
    assert r.pending == []


def test_one_call_spends_at_most_its_budget_on_a_long_queue(operator):
    operator.delay = 0.2
    r = reporter(operator.url, timeout=1.0, budget=0.5)
    for epoch in range(1, 21):
        r.enqueue(epoch, {"loss": 1.0 / epoch})

    started = time.monotonic()
    assert r.flush() is False
    assert time.monotonic() - started < 1.5
    assert 1 <= len(operator.reports) < 20
    sent = len(operator.reports)
    assert [b["epoch"] for b in r.pending] == list(range(sent + 1, 21))


def test_the_backoff_doubles_up_to_its_cap(free_port):
    now = [100.0]
    r = reporter("http://127.0.0.1:%d/v1/report" % free_port,
                 min_backoff=1.0, max_backoff=4.0, clock=lambda: now[0])
    waits = []
    for epoch in range(1, 6):
        r.report(epoch, {"loss": 1.0})
        waits.append(r._next_try - now[0])
        now[0] = r._next_try
    assert waits == [1.0, 2.0, 4.0, 4.0, 4.0]
    assert len(r.pending) == 5


def test_nan_inf_and_non_numbers_are_dropped(operator):
    class Scalar:  # a numpy scalar or a one-element tensor
        def __float__(self):
            return 0.25

    r = reporter(operator.url)
    r.report(1, {
        "loss": float("nan"),
        "val_loss": float("inf"),
        "neg": -math.inf,
        "acc": 0.5,
        "count": 3,
        "flag": True,
        "name": "x",
        "none": None,
        "scalar": Scalar(),
    })
    assert operator.reports[0]["metrics"] == {"acc": 0.5, "count": 3.0, "scalar": 0.25}


def test_finite_metrics_never_raises():
    class Broken:
        def __float__(self):
            raise RuntimeError("no")

    assert finite_metrics({"a": Broken(), "b": 10**400, "c": 1}) == {"c": 1.0}


def test_an_unreadable_answer_is_a_continue(operator):
    operator.decide = lambda body: (200, "not the answer you expect")
    r = reporter(operator.url)
    assert r.report(1, {"loss": 1.0}) is False
    assert r.pending == []
