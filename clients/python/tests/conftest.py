"""A real report endpoint for the client's tests: http.server in a thread, answering as the
operator's ReportServer does, with the answer, status and delay each test chooses."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import paddock
from paddock import env


class FakeOperator:
    """Records each report it takes and answers with ``decide(body)`` -> (status, answer)."""

    def __init__(self, port=0):
        self.reports = []
        self.headers = []
        self.delay = 0.0
        self.decide = lambda body: (200, {"decision": "continue", "reason": "fine"})
        operator = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                if operator.delay:
                    time.sleep(operator.delay)
                status, answer = operator.decide(body)
                if status // 100 == 2 or status == 410:
                    operator.reports.append(body)
                    operator.headers.append(dict(self.headers))
                data = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = "http://127.0.0.1:%d/v1/report" % self.port
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def epochs(self):
        return [r["epoch"] for r in self.reports]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def operator():
    server = FakeOperator()
    yield server
    server.close()


@pytest.fixture
def free_port():
    """A port nothing listens on (yet)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No PADDOCK_* variable, a fresh client, and a temporary working directory."""
    import os
    import sys

    for name in list(os.environ):
        if name.startswith("PADDOCK_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    # The client wraps sys.excepthook and registers an exit hook: undone after each test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    paddock._reset()
    yield monkeypatch
    if paddock._run is not None:
        paddock._run.finished = True
    paddock._reset()


@pytest.fixture
def trial_env(clean_env, tmp_path, operator):
    """The environment Paddock gives a trial, reporting to ``operator``."""
    values = {
        env.TRIAL: "default/study-0",
        env.PARAMS: json.dumps({"batch_size": "32", "lr": "0.01", "opt": "adam"}),
        env.PARAM_PREFIX + "LR": "0.01",
        env.EPOCHS: "3",
        env.REPORT_URL: operator.url,
        env.REPORT_TOKEN: "v2.uid.mac",
        env.TERMINATION_LOG: str(tmp_path / "termination-log"),
        env.OUTPUT_DIR: str(tmp_path / "out"),
        env.CHECKPOINT_DIR: str(tmp_path / "out" / "checkpoints"),
    }
    for name, value in values.items():
        clean_env.setenv(name, value)
    paddock._reset()
    return values
