"""`lumbung serve` runs the web server and a worker together, and Ctrl-C stops both."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database_url() -> str:
    """The test database, as a URL the child processes can use."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@pytest.mark.django_db(transaction=True)
def test_serve_starts_server_and_worker_and_ctrl_c_stops_both():
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url(), "PORT": str(port), "LUMBUNG_WORKERS": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "lumbung.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.3)
        kids = children(process.pid)
        commands = [Path(f"/proc/{kid}/cmdline").read_text().replace("\0", " ") for kid in kids]
        assert any("gunicorn" in c for c in commands), commands
        assert any("lumbung.cli worker" in c for c in commands), commands
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        assert process.returncode == 0, process.stdout.read() if process.stdout else ""
        for kid in kids:
            assert not Path(f"/proc/{kid}").exists() or "zombie" in Path(f"/proc/{kid}/status").read_text()
    finally:
        if process.poll() is None:
            process.kill()
