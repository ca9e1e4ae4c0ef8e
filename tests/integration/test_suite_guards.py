"""The test suite's own promise: a stuck test ends the run with its stack instead of hanging
CI. Checked by running the project's pytest configuration on a test that blocks in a Qt
modal loop, the case that hung a CI run once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"
STUCK = """\
from PySide6.QtWidgets import QDialog


def test_waits_for_a_click_that_never_comes(qapp):
    QDialog().exec()
"""


def _options() -> dict[str, object]:
    options: dict[str, object] = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"][
        "pytest"
    ]["ini_options"]
    return options


def test_every_test_has_a_two_minute_limit_and_stacks_are_dumped_first() -> None:
    options = _options()
    assert options["timeout"] == 120
    assert options["timeout_method"] == "thread"
    faulthandler_timeout = options["faulthandler_timeout"]
    assert isinstance(faulthandler_timeout, int)
    assert 0 < faulthandler_timeout < 120  # later than the timeout it would never fire


def test_a_test_stuck_in_a_modal_loop_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "test_stuck.py").write_text(STUCK, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(PYPROJECT),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            # the project's method and options, with a limit short enough for a test
            "-o",
            "timeout=4",
            "-o",
            "faulthandler_timeout=2",
            str(tmp_path / "test_stuck.py"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=90,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert time.monotonic() - started < 60
    # both dumps name the line the test is stuck on
    assert output.count("test_stuck.py") >= 2, output
    assert "Timeout" in output
