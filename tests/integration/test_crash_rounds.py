"""A few SIGKILL rounds of each command that writes (benchmarks/crash_rounds.py runs
hundreds): after each, integrity ok, all or nothing, no empty backup kept."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "crash_rounds.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_rounds", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_rounds"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.timeout(900)
def test_killed_commands_leave_all_or_nothing(tmp_path: Path) -> None:
    crash = _module()
    summaries = crash.run_rounds(tmp_path, list(crash.KINDS), rounds=2, people=30, seed=11)
    assert [s.kind for s in summaries] == ["import", "backup", "restore", "upgrade"]
    for summary in summaries:
        assert len(summary.outcomes) == 2
        assert [o.problems for o in summary.outcomes] == [[], []], summary.line()


def test_the_checks_catch_an_empty_backup_and_a_partial_state(tmp_path: Path) -> None:
    """The checks themselves can fail: an empty file among the backups, a damaged file."""
    crash = _module()
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "tit-20260101-000000-prima-ripristino.sqlite3").write_bytes(b"")
    assert crash.backup_problems(folder) == [
        "tit-20260101-000000-prima-ripristino.sqlite3: backup vuoto o incompleto (0 byte)"
    ]
    damaged = tmp_path / "rotto.sqlite3"
    damaged.write_bytes(crash.OLD_DATABASE.read_bytes()[:8192])
    assert crash.file_backup_problems(damaged) != []
