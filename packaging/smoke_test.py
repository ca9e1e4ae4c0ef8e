"""Smoke test of an installed TIT Desktop: the one used for the wheel and the frozen bundle.

    python packaging/smoke_test.py PATH/TO/tit-desktop

Runs the executable as a user would, on a new SQLite database in a temporary folder: create
the database and the administrator (password on standard input), import a small exchange
workbook, print the registration form of a person with a non-Latin name and read the PDF
back; then open the window (offscreen) and wait until the log says the login window is on
screen. Needs openpyxl and pypdf in the Python that runs this script (the test extra), not
in the installation under test. Exit code 0 when everything worked.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from pypdf import PdfReader

PASSWORD = "Smoke-test-password-1"
CODE = "TIU-SMOKE-1"
LAST_NAME = "Nguyễn Đorđević"
FIRST_NAME = "Zoë Thị Ánh"
WINDOW_TIMEOUT_S = 60


class SmokeFailure(Exception):
    pass


def _run(exe: Path, args: list[str], env: dict[str, str], stdin: str | None = None) -> str:
    """Run from the temporary folder (never the source checkout, whose tit_desktop/ could
    hide a broken installation)."""
    started = time.perf_counter()
    result = subprocess.run(
        [str(exe), *args],
        cwd=env["TIT_HOME"],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    elapsed = time.perf_counter() - started
    print(f"  {' '.join(args[2:] if args[:1] == ['--database'] else args)}  ({elapsed:.1f} s)")
    if result.returncode != 0:
        raise SmokeFailure(
            f"{exe} {' '.join(args)} ended with {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result.stdout


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Beneficiari"
    sheet.append(["Codice", "Cognome", "Nome", "Sesso", "Data presa in carico"])
    sheet.append([CODE, LAST_NAME, FIRST_NAME, "F", datetime.date(2025, 3, 14)])
    sheet.append(["TIU-SMOKE-2", "Rossi", "Mario", "M", datetime.date(2025, 3, 15)])
    book.save(path)
    return path


def _wait_for_window(exe: Path, env: dict[str, str], log: Path) -> None:
    """Start the executable without arguments and wait for the login window in its log."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(exe)],
        cwd=env["TIT_HOME"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        while time.perf_counter() - started < WINDOW_TIMEOUT_S:
            if log.exists() and "Login window shown" in log.read_text(encoding="utf-8"):
                print(f"  (window) login window shown after {time.perf_counter() - started:.1f} s")
                return
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                raise SmokeFailure(f"the window ended with {process.returncode}:\n{output}")
            time.sleep(0.2)
        raise SmokeFailure(f"no login window after {WINDOW_TIMEOUT_S} s")
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def smoke(exe: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="tit-smoke-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "TIT_HOME": str(folder / "home"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONUTF8": "1",
        }
        env.pop("TIT_DATABASE_URL", None)
        Path(env["TIT_HOME"]).mkdir()
        url = "sqlite:///" + (folder / "smoke.sqlite3").as_posix()
        db = ["--database", url]
        _run(exe, ["--version"], env)
        _run(exe, [*db, "user", "add", "admin", "--role", "admin"], env, stdin=PASSWORD + "\n")
        env["TIT_PASSWORD"] = PASSWORD
        as_admin = [*db, "--user", "admin"]
        out = _run(exe, [*as_admin, "import", str(_workbook(folder / "scambio.xlsx"))], env)
        print("    " + out.strip().replace("\n", "\n    "))
        forms = _run(exe, ["form", "--list"], env).split()
        if "scheda-iscrizione" not in forms:
            raise SmokeFailure(f"form --list does not name scheda-iscrizione: {forms}")
        pdf = folder / "scheda.pdf"
        _run(
            exe, [*as_admin, "form", "scheda-iscrizione", "--person", CODE, "--out", str(pdf)], env
        )
        text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        for expected in (LAST_NAME, FIRST_NAME, CODE):
            if expected not in text:
                raise SmokeFailure(f"«{expected}» is not in the PDF's text:\n{text[:2000]}")
        current = _run(exe, [*db, "db", "current"], env)
        if "aggiornato" not in current:
            raise SmokeFailure(f"db current does not say the schema is current:\n{current}")
        # The window, on the same database (a user exists, so it is the login window).
        env["TIT_DATABASE_URL"] = url
        _wait_for_window(exe, env, folder / "home" / "logs" / "tit-desktop.log")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", type=Path)
    args = parser.parse_args()
    exe: Path = args.executable.resolve()
    print(f"Smoke test of {exe}")
    started = time.perf_counter()
    try:
        smoke(exe)
    except SmokeFailure as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"Smoke test passed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
