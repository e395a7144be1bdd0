"""Stopping ``atlas serve`` leaves no process behind, also when it is stopped while the background process works.

``atlas serve`` runs in a process group of its own; every process it starts (the background process,
multiprocessing's resource tracker) is in that group. After it stops, no process of the group may
remain (read from /proc: psutil is not a dependency).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.editloop import free_port, wait_until_served

LOG_TIMEOUT = 120.0
GONE_TIMEOUT = 15.0


def group_members(group: int) -> set[int]:
    """Live (not zombie) processes whose process group is ``group``."""
    members = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended while we looked
        fields = stat[stat.rindex(")") + 2 :].split()
        state, process_group = fields[0], int(fields[2])
        if process_group == group and state != "Z":
            members.add(int(entry.name))
    return members


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def stop_server(process: subprocess.Popen[str], how: str) -> None:
    if how == "SIGTERM to the server":
        process.send_signal(signal.SIGTERM)
    else:  # a terminal sends Ctrl-C to every process of the foreground group
        os.killpg(process.pid, signal.SIGINT)


@pytest.mark.parametrize("how", ["SIGTERM to the server", "Ctrl-C to the process group"])
def test_stopping_during_background_work_leaves_no_process(content: Path, tmp_path: Path, how: str) -> None:
    log_file = tmp_path / "serve.log"
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "generator", "serve", "--content", str(content), "--dev-addr", address]
    command += ["--docs-dir", str(tmp_path / "docs")]
    with (
        log_file.open("w", encoding="utf-8") as log,
        subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True) as process,
    ):
        try:
            wait_until_served(f"http://{address}/", process, 300)
            started = re.search(r"Achtergrondproces gestart \(pid (\d+)\)", log_file.read_text(encoding="utf-8"))
            assert started is not None
            background = int(started.group(1))
            assert background in group_members(process.pid)
            practice = content / "practices" / "koele-wijken.md"
            practice.write_text(
                practice.read_text(encoding="utf-8").replace("Samen metingen doen", "Samen meten"), encoding="utf-8"
            )
            wait_for(lambda: "Bijgewerkt:" in log_file.read_text(encoding="utf-8"), LOG_TIMEOUT, "no edit logged")
            # The edit returned: the settle thread has asked the background process, which now works.
            assert "Overzichten, zoekindex" not in log_file.read_text(encoding="utf-8")
            stop_server(process, how)
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    output = log_file.read_text(encoding="utf-8")
    assert "Gestopt." in output
    assert "Overzichten, zoekindex" not in output  # stopped before the background work was done
    wait_for(lambda: not group_members(process.pid), GONE_TIMEOUT, f"left behind: {group_members(process.pid)}")
    assert not Path(f"/proc/{background}").exists() or background not in group_members(process.pid)
