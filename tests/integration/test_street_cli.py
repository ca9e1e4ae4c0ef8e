"""The street unit from the command line: the monthly summary form, and the Contatti
strada sheet through import and export, each audited like the window's."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf

from tests.integration.test_cli import PASSWORD, run, run_here
from tests.unit.test_exchange_support import read_back, write_xlsx


def test_monthly_summary_and_sheet_from_the_command_line(db_url: str, tmp_path: Path) -> None:
    env = {"TIT_PASSWORD": PASSWORD}
    assert (
        run_here(
            "user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n"
        ).returncode
        == 0
    )
    listed = run_here("form", "--list", db_url=db_url).stdout.splitlines()
    assert "riepilogo-strada" in listed
    book = write_xlsx(
        tmp_path / "c.xlsx",
        {
            "Contatti strada": [
                ["Data", "Ora", "Luogo", "Codice", "Anonimi F", "Anonimi M", "Prestazioni"],
                ["10/03/2026", "22:40", "Stazione centrale", None, 1, 2, "coperte; pasto"],
                ["11/03/2026", "23:10", "Porto", None, None, 1, "bevanda calda"],
            ]
        },
    )
    done = run_here("--user", "anna", "import", str(book), "--json", db_url=db_url, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] == {"Contatti strada": 2}
    bad = write_xlsx(
        tmp_path / "bad.xlsx",
        {"Contatti strada": [["Data", "Luogo", "Anonimi M"], ["12/03/2026", "Porto", -1]]},
    )
    refused = run_here("--user", "anna", "import", str(bad), "--json", db_url=db_url, env=env)
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["errors"] == [
        {
            "sheet": "Contatti strada",
            "row": 2,
            "column": "Anonimi M",
            "message": "-1 è negativo: il numero di anonimi non può essere negativo",
        }
    ]
    out = tmp_path / "riepilogo.pdf"
    printed = run(  # the area's form in a process of its own
        "--user", "anna", "form", "riepilogo-strada", "--month", "03/2026", "--out", str(out),
        db_url=db_url, env=env,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages)
    assert "Contatti 2" in text and "Persone raggiunte (collegate + anonimi) 4" in text
    wrong = run_here(
        "--user", "anna", "form", "riepilogo-strada", "--month", "2026-03", "--out", str(out),
        db_url=db_url, env=env,
    )  # fmt: skip
    assert wrong.returncode == 1 and "mm/aaaa" in wrong.stderr + wrong.stdout
    exported = run_here(
        "--user", "anna", "export", str(tmp_path / "e.xlsx"), db_url=db_url, env=env
    )
    assert exported.returncode == 0, exported.stderr
    assert [row[2] for row in read_back(tmp_path / "e.xlsx", "Contatti strada")[1:]] == [
        "Stazione centrale",
        "Porto",
    ]
