"""Golden files: the expected text of a report for a fixed dataset, checked in under
tests/unit/golden/.

After a deliberate layout or wording change, regenerate them with
``TIT_UPDATE_GOLDEN=1 pytest <test files>``: that run rewrites the files and FAILS every
test that wrote one, so a run can never pass by regenerating what it checks. Review the
diff (``git diff tests/unit/golden``), commit it, and run again without the variable.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent / "unit" / "golden"
UPDATE_VARIABLE = "TIT_UPDATE_GOLDEN"


def assert_matches_golden(actual: str, name: str) -> None:
    """``actual`` equals the golden file ``name``; with TIT_UPDATE_GOLDEN set, write it
    and fail."""
    path = GOLDEN_DIR / name
    if os.environ.get(UPDATE_VARIABLE):
        before = path.read_text(encoding="utf-8") if path.exists() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        state = "unchanged" if before == actual else "rewritten"
        pytest.fail(
            f"golden file {state}: {path}. Review the diff, then run again without "
            f"{UPDATE_VARIABLE}: a run that regenerates golden files never passes.",
            pytrace=False,
        )
    if not path.exists():
        pytest.fail(f"no golden file {path}: create it with {UPDATE_VARIABLE}=1", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{path.name} (golden)",
            tofile=f"{path.name} (this run)",
        )
        raise AssertionError("differs from the golden file:\n" + "".join(diff))
