"""SIGKILL rounds: the command line killed at a random moment of its work, then checked.

    python benchmarks/crash_rounds.py [--rounds N] [--kinds import,backup,restore,upgrade]
                                      [--people N] [--seed S] [--keep DIR]

A PC losing power in the middle of an import, a backup, a restore or a schema upgrade is
what this imitates: each round copies a prepared SQLite database, starts ``tit-desktop``
on it in a subprocess (``import``, ``db backup``, ``db restore``, ``db upgrade``), kills it
with SIGKILL after a random delay (drawn between 0 and the command's own duration measured
first, uninterrupted), and checks what it left:

* ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` finds nothing;
* all or nothing: the number of rows of every table (the activity log aside: the login
  itself writes there) is exactly the one before the command or the one after it
  completed; for the upgrade, the schema revision and the tables are the old ones or the
  new ones;
* no empty backup kept: every ``*.sqlite3`` file in the backup folder (and the ``--out``
  file of a backup) is a complete SQLite file whose integrity check is ``ok``, and a backup
  holds the rows of the database it copies.

Prints one line per kind: rounds, kills that landed while the command was running, the
outcomes (before / after) and the failures, each failure described; exits 1 if any.
tests/integration/test_crash_rounds.py runs a few rounds of each kind with the same code.
Only where SIGKILL exists (POSIX).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD_DATABASE = ROOT / "tests" / "data" / "tit-rev0001.sqlite3"
OLD_USER, OLD_PASSWORD = "vecchio.admin", "Vecchia-password-1"
USER, PASSWORD = "admin", "Password-dei-crash-1"
KINDS = ("import", "backup", "restore", "upgrade")
SQLITE_HEADER = b"SQLite format 3\x00"


# --- reading a SQLite file as it was left ----------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    # A plain connection replays (or drops) the WAL the killed process left, as the
    # application's next start would.
    return sqlite3.connect(path, timeout=30)


def integrity_problems(path: Path) -> list[str]:
    conn = _connect(path)
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else [f"integrity_check: {'; '.join(rows[:3])}"]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {broken[:3]}")
        return problems
    except sqlite3.DatabaseError as exc:
        return [f"file illeggibile: {exc}"]
    finally:
        conn.close()


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every table but the activity log (each login writes there)."""
    conn = _connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'audit_log' ORDER BY name"
            )
        ]
        return {n: int(conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]) for n in names}
    finally:
        conn.close()


def revision(path: Path) -> str | None:
    conn = _connect(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def backup_problems(folder: Path, expected: list[dict[str, int]] | None = None) -> list[str]:
    """Every ``*.sqlite3`` file in ``folder`` must be a complete, sound backup (holding
    one of the ``expected`` row counts, when given). Temporary ``.part`` files are not
    backups (never listed, removed after an hour) and are not looked at."""
    problems = []
    for file in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
        problems += file_backup_problems(file, expected)
    return problems


def file_backup_problems(file: Path, expected: list[dict[str, int]] | None = None) -> list[str]:
    with file.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            return [f"{file.name}: backup vuoto o incompleto ({file.stat().st_size} byte)"]
    problems = [f"{file.name}: {p}" for p in integrity_problems(file)]
    if not problems and expected is not None:
        counts = row_counts(file)
        if counts not in expected:
            problems.append(f"{file.name}: righe {_diff(counts, expected[0])}")
    return problems


def _diff(found: dict[str, int], wanted: dict[str, int]) -> str:
    keys = sorted(set(found) | set(wanted))
    return ", ".join(
        f"{k} {found.get(k)}≠{wanted.get(k)}" for k in keys if found.get(k) != wanted.get(k)
    )


# --- the prepared databases -----------------------------------------------------------------


def _cli(database: Path, *args: str, user: str = USER) -> list[str]:
    return [
        sys.executable,
        "-m",
        "tit_desktop",
        "--database",
        "sqlite:///" + database.as_posix(),
        "--user",
        user,
        *args,
    ]


def _env(home: Path, password: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TIT_DATABASE_URL", "TIT_USER")}
    env.update(TIT_HOME=str(home), TIT_PASSWORD=password, PYTHONPATH=str(ROOT))
    return env


def _run(home: Path, database: Path, *args: str, stdin: str = "") -> None:
    result = subprocess.run(
        _cli(database, *args),
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(home, PASSWORD),
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {result.stderr or result.stdout}")


@dataclass
class Fixtures:
    """The files every round starts from (prepared once)."""

    folder: Path
    people: int
    small: Path = field(init=False)  # admin + a few persons: restore target
    empty: Path = field(init=False)  # admin only: import target
    full: Path = field(init=False)  # admin + ``people`` persons: backup source
    workbook: Path = field(init=False)  # the persons of ``full``, to import
    backup_of_full: Path = field(init=False)  # restored onto ``small``
    old: Path = field(init=False)  # schema revision 0001: upgraded

    def prepare(self, seed: int) -> None:
        home = self.folder / "prep-home"
        self.empty = self.folder / "empty.sqlite3"
        self.full = self.folder / "full.sqlite3"
        self.small = self.folder / "small.sqlite3"
        self.workbook = self.folder / "persone.xlsx"
        self.backup_of_full = self.folder / "backup-full.sqlite3"
        self.old = self.folder / "old.sqlite3"
        for path in (self.empty, self.full, self.small):
            _run(home, path, "user", "add", USER, "--role", "admin", stdin=PASSWORD + "\n")
        _run(home, self.full, "demo", "--people", str(self.people), "--seed", str(seed))
        _run(home, self.small, "demo", "--people", str(max(self.people // 5, 5)), "--seed", "7")
        _run(home, self.full, "export", str(self.workbook))
        _run(home, self.full, "db", "backup", "--out", str(self.backup_of_full))
        shutil.copyfile(OLD_DATABASE, self.old)


# --- one round --------------------------------------------------------------------------------


@dataclass
class Scenario:
    kind: str
    source: Path  # the database file the round starts from (copied)
    args: Callable[[Path], list[str]]  # the command's arguments, given the round's folder
    user: str = USER
    password: str = PASSWORD


@dataclass
class Outcome:
    kind: str
    delay: float
    killed_running: bool  # the kill landed while the command was still at work
    state: str  # "before", "after" or "parziale"
    problems: list[str]


def scenarios(fx: Fixtures) -> dict[str, Scenario]:
    return {
        "import": Scenario("import", fx.empty, lambda _r: ["import", str(fx.workbook)]),
        "backup": Scenario(
            "backup", fx.full, lambda r: ["db", "backup", "--out", str(r / "copia.sqlite3")]
        ),
        "restore": Scenario(
            "restore", fx.small, lambda _r: ["db", "restore", str(fx.backup_of_full)]
        ),
        "upgrade": Scenario(
            "upgrade", fx.old, lambda _r: ["db", "upgrade"], OLD_USER, OLD_PASSWORD
        ),
    }


@dataclass
class Expectation:
    """What an uninterrupted run leaves: the states a killed one may leave instead."""

    before: dict[str, int]
    after: dict[str, int]
    before_revision: str | None
    after_revision: str | None
    duration: float
    backup_counts: list[dict[str, int]]
    startup: float = 0.0  # the interpreter and the imports, before any work on the data


def _start(scenario: Scenario, round_dir: Path) -> tuple[Path, Path, subprocess.Popen[bytes]]:
    if round_dir.exists():
        shutil.rmtree(round_dir)
    home = round_dir / "home"
    home.mkdir(parents=True)
    database = round_dir / "tit.sqlite3"
    shutil.copyfile(scenario.source, database)
    command = _cli(database, *scenario.args(round_dir), user=scenario.user)
    process = subprocess.Popen(
        command,
        env=_env(home, scenario.password),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return home, database, process


def calibrate(scenario: Scenario, work: Path) -> Expectation:
    round_dir = work / f"calibra-{scenario.kind}"
    before_counts = row_counts(scenario.source)
    before_rev = revision(scenario.source)
    started = time.monotonic()
    _home, database, process = _start(scenario, round_dir)
    if process.wait(timeout=600) != 0:
        raise RuntimeError(f"{scenario.kind}: the uninterrupted run failed")
    duration = time.monotonic() - started
    after_counts = row_counts(database)
    # How long the command line takes to start and open the database, doing nothing.
    started = time.monotonic()
    subprocess.run(
        _cli(database, "db", "current"),
        env=_env(round_dir / "home", scenario.password),
        capture_output=True,
        timeout=600,
        check=False,
    )
    startup = time.monotonic() - started
    # A backup holds the database's rows (the one before the command: a backup, or the
    # restore's safety copy; or, for an upgrade, the old one).
    return Expectation(
        before_counts,
        after_counts,
        before_rev,
        revision(database),
        duration,
        [before_counts, after_counts],
        startup,
    )


def one_round(
    scenario: Scenario, expected: Expectation, work: Path, rng: random.Random, index: int
) -> Outcome:
    round_dir = work / f"{scenario.kind}-{index}"
    # From half the start-up time (imports, no data touched yet) to a little past the
    # uninterrupted duration: most kills land while the data is being worked on.
    delay = rng.uniform(expected.startup / 2, expected.duration * 1.05)
    home, database, process = _start(scenario, round_dir)
    time.sleep(delay)
    running = process.poll() is None
    if running:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    problems = integrity_problems(database)
    counts = row_counts(database) if not problems else {}
    if counts == expected.before:
        state = "before"
    elif counts == expected.after:
        state = "after"
    else:
        state = "parziale"
        problems.append(f"né prima né dopo: {_diff(counts, expected.before)}")
    if scenario.kind == "upgrade":
        found = revision(database)
        wanted = expected.before_revision if state == "before" else expected.after_revision
        if found != wanted:
            problems.append(f"revisione {found}, attesa {wanted} ({state})")
    problems += backup_problems(home / "data" / "backups", expected.backup_counts)
    out = round_dir / "copia.sqlite3"
    if scenario.kind == "backup" and out.exists():
        problems += file_backup_problems(out, [expected.before])
    if not problems:
        shutil.rmtree(round_dir, ignore_errors=True)
    return Outcome(scenario.kind, delay, running, state, problems)


@dataclass
class Summary:
    kind: str
    outcomes: list[Outcome]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.problems]

    def line(self) -> str:
        states = Counter(o.state for o in self.outcomes)
        running = sum(o.killed_running for o in self.outcomes)
        return (
            f"{self.kind:8} round {len(self.outcomes):4}  uccisi durante il lavoro {running:4}  "
            f"prima {states['before']:4}  dopo {states['after']:4}  "
            f"fallimenti {len(self.failures)}"
        )


def run_rounds(work: Path, kinds: list[str], rounds: int, people: int, seed: int) -> list[Summary]:
    fx = Fixtures(work, people)
    fx.prepare(seed)
    rng = random.Random(seed)
    summaries = []
    for kind in kinds:
        scenario = scenarios(fx)[kind]
        expected = calibrate(scenario, work)
        print(
            f"{kind}: comando {expected.duration:.1f} s, avvio {expected.startup:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        outcomes = [one_round(scenario, expected, work, rng, i) for i in range(rounds)]
        summaries.append(Summary(kind, outcomes))
    return summaries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100, help="round per tipo")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", metavar="DIR", help="cartella di lavoro (tenuta)")
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"tipi sconosciuti: {', '.join(sorted(unknown))}")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tit-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    summaries = run_rounds(work, kinds, args.rounds, args.people, args.seed)
    for summary in summaries:
        print(summary.line(), flush=True)
        for failure in summary.failures:
            print(f"    {failure.delay:.2f} s: {'; '.join(failure.problems)}")
    print(f"tempo totale {time.monotonic() - started:.0f} s; cartella {work}")
    if not args.keep and not any(s.failures for s in summaries):
        shutil.rmtree(work, ignore_errors=True)
    return 1 if any(s.failures for s in summaries) else 0


if __name__ == "__main__":
    sys.exit(main())
