"""Cold start to the login window, against a bare PySide6 window, in the same run.

    python benchmarks/startup.py [--runs 5] [--database URL]

Each run is a new Python process (so imports are cold as far as Python goes; the OS file
cache is warm after the first run, as on an office PC). The application is started through
the same code as `tit-desktop` (create_application + AppController.start) and the clock
stops when the login dialog (or first-admin dialog) is on screen. Prints the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP_PROBE = r"""
import sys, time
from PySide6.QtCore import QTimer
from tit_desktop.ui.app import AppController, create_application
from tit_desktop.ui.login import FirstAdminDialog, LoginDialog
app = create_application([])
controller = AppController(sys.argv[1] if len(sys.argv) > 1 else None)
controller.start()
def poll():
    dialog = controller.dialog
    if isinstance(dialog, (LoginDialog, FirstAdminDialog)) and dialog.isVisible():
        print("READY", flush=True)
        app.exit(0)
    else:
        QTimer.singleShot(2, poll)
poll()
app.exec()
"""

BARE_PROBE = r"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.show()
def done():
    print("READY", flush=True)
    app.exit(0)
QTimer.singleShot(0, done)
app.exec()
"""


def _time(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    if "READY" not in result.stdout:
        raise SystemExit(f"probe failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", help="URL (default: a new SQLite file with one user)")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env["TIT_HOME"] = home
        url = args.database
        if url is None:
            path = Path(home) / "bench.sqlite3"
            url = "sqlite:///" + path.as_posix()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tit_desktop",
                    "--database",
                    url,
                    "user",
                    "add",
                    "admin",
                    "--role",
                    "admin",
                ],
                input="Password-bench-1\n",
                text=True,
                env=env,
                check=True,
                capture_output=True,
            )
        app_times = [_time(APP_PROBE, url, env=env) for _ in range(args.runs)]
        bare_times = [_time(BARE_PROBE, env=env) for _ in range(args.runs)]
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    print(
        f"login window  median {app_median * 1000:7.0f} ms  runs "
        + " ".join(f"{t * 1000:.0f}" for t in app_times)
    )
    print(
        f"bare PySide6  median {bare_median * 1000:7.0f} ms  runs "
        + " ".join(f"{t * 1000:.0f}" for t in bare_times)
    )
    print(
        f"ratio {app_median / bare_median:.2f}x, difference "
        f"{(app_median - bare_median) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
