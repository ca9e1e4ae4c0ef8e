"""Cold start to the login window, against a bare PySide6 window, in the same run.

    python benchmarks/startup.py [--runs 5] [--database URL] [--screen offscreen|xvfb|both]

Each run is a new Python process (so imports are cold as far as Python goes; the OS file
cache is warm after the first run, as on an office PC). The application is started through
the same code as `tit-desktop` (create_application + AppController.start) and the clock
stops when the login dialog (or first-admin dialog) is exposed on screen; a second figure
says when the login is usable (database opened and its schema checked behind the window).
Prints the medians, offscreen and on a real X server (Xvfb, started here; Debian package
``xvfb``) unless ``--screen`` says otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Both probes print SHOWN (with the time since the process started) when their window is
# exposed; the application's probe then prints READY when the login can be used.
APP_PROBE = r"""
import sys, time
T0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from tit_desktop.ui.app import AppController, create_application
from tit_desktop.ui.login import FirstAdminDialog, LoginDialog
app = create_application([])
controller = AppController(sys.argv[2])
controller.start()
shown = False
def poll():
    global shown
    dialog = controller.dialog
    if isinstance(dialog, (LoginDialog, FirstAdminDialog)) and dialog.windowHandle() \
            and dialog.windowHandle().isExposed():
        if not shown:
            shown = True
            print("SHOWN", time.time() - T0, flush=True)
        if isinstance(dialog, FirstAdminDialog) or dialog.ready:
            print("READY", time.time() - T0, flush=True)
            app.exit(0)
            return
    QTimer.singleShot(2, poll)
poll()
app.exec()
"""

BARE_PROBE = r"""
import sys, time
T0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.show()
def poll():
    if w.windowHandle() and w.windowHandle().isExposed():
        print("SHOWN", time.time() - T0, flush=True)
        print("READY", time.time() - T0, flush=True)
        app.exit(0)
    else:
        QTimer.singleShot(2, poll)
poll()
app.exec()
"""


def _time(code: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from the process start to its window on screen, and to READY."""
    result = subprocess.run(
        [sys.executable, "-c", code, repr(time.time()), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    marks = dict(
        line.split() for line in result.stdout.splitlines() if line[:5] in {"SHOWN", "READY"}
    )
    if "READY" not in marks:
        raise SystemExit(f"probe failed:\n{result.stdout}\n{result.stderr}")
    return float(marks["SHOWN"]), float(marks["READY"])


@contextmanager
def _screen(kind: str) -> Iterator[dict[str, str]]:
    """Environment for Qt: the offscreen platform, or a new Xvfb server with xcb."""
    if kind == "offscreen":
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb not found: apt-get install xvfb (or use --screen offscreen)")
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        if server.poll() is not None:
            raise SystemExit(f"Xvfb {display} did not start")
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    finally:
        server.terminate()
        server.wait()


def _report(label: str, values: list[float]) -> float:
    median = statistics.median(values)
    runs = " ".join(f"{t * 1000:.0f}" for t in values)
    print(f"  {label:<24} median {median * 1000:6.0f} ms  runs {runs}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", help="URL (default: a new SQLite file with one user)")
    parser.add_argument("--screen", choices=["offscreen", "xvfb", "both"], default="both")
    args = parser.parse_args()
    screens = ["offscreen", "xvfb"] if args.screen == "both" else [args.screen]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
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
        for kind in screens:
            with _screen(kind) as screen_env:
                run_env = {**env, **screen_env}
                # Alternate the two probes so that a busy machine slows both alike.
                app, bare = [], []
                for _ in range(args.runs):
                    app.append(_time(APP_PROBE, url, env=run_env))
                    bare.append(_time(BARE_PROBE, env=run_env)[0])
            print(f"{kind}:")
            shown = _report("login window on screen", [a[0] for a in app])
            _report("login usable (db open)", [a[1] for a in app])
            bare_median = _report("bare PySide6 window", bare)
            print(
                f"  ratio {shown / bare_median:.2f}x, difference "
                f"{(shown - bare_median) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
