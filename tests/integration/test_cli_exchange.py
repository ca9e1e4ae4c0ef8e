"""`tit-desktop import` and `tit-desktop export` (DOMAIN.md sections 8, 10): one import and
one export in a subprocess, the other commands in the test's process (test_cli.run_here)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.test_cli import run, run_here
from tests.unit.test_exchange_support import (
    BASE_ROW,
    person_row,
    persons_workbook,
    read_back,
)

PASSWORD = "Password-della-cli-1"
ENV = {"TIT_PASSWORD": PASSWORD}


def _users(db_url: str) -> None:
    first = run_here("user", "add", "anna", "--role", "admin", db_url=db_url, stdin=PASSWORD + "\n")
    assert first.returncode == 0, first.stderr
    reader = run_here(
        "--user", "anna", "user", "add", "luca", "--role", "lettura",
        db_url=db_url, env=ENV, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert reader.returncode == 0, reader.stderr


def test_import_dry_run_import_and_export(db_url: str, tmp_path: Path) -> None:
    _users(db_url)
    good = persons_workbook(
        tmp_path / "buono.xlsx",
        [
            person_row(Data_di_nascita="13/03/1990"),  # codice fiscale does not match: warning
            person_row(Codice="TIU-2", Cognome="Diallo", Nome="Amina", Sesso="F",
                       **{"Codice fiscale": None}),
        ],
    )  # fmt: skip
    warning = {
        "sheet": "Beneficiari",
        "row": 2,
        "column": "Codice fiscale",
        "message": "Il codice fiscale non corrisponde a: data di nascita. Codice calcolato dai "
        "dati: GNDSKR90C13Z243R",
    }
    # --dry-run --json: the exact shape of DOMAIN.md, nothing written
    dry = run_here(
        "--user", "anna", "import", str(good), "--dry-run", "--json", db_url=db_url, env=ENV
    )
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {
        "ok": True,
        "errors": [],
        "warnings": [warning],
        "imported": {"Beneficiari": 2},
    }
    empty = run_here("--user", "anna", "export", str(tmp_path / "vuoto.xlsx"), "--json",
                db_url=db_url, env=ENV)  # fmt: skip
    assert set(json.loads(empty.stdout)["exported"].values()) == {0}
    # the real import, in human form
    done = run("--user", "anna", "import", str(good), db_url=db_url, env=ENV)  # in a process
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Avviso: Beneficiari, riga 2, colonna Codice fiscale: Il codice fiscale non "
        "corrisponde a: data di nascita. Codice calcolato dai dati: GNDSKR90C13Z243R",
        "Importazione completata. Beneficiari: 2 schede nuove, 0 aggiornate, 0 invariate. "
        "1 avviso da verificare.",
    ]
    # export, as JSON
    target = tmp_path / "uscita.xlsx"
    exported = run_here("--user", "anna", "export", str(target), "--json", db_url=db_url, env=ENV)
    assert exported.returncode == 0, exported.stderr
    output = json.loads(exported.stdout)
    assert output["exported"]["Beneficiari"] == 2  # (and the areas' sheets, empty)
    assert (output["file"], output["files"]) == (str(target), [str(target)])
    assert [row[0] for row in read_back(target)] == ["Codice", "TIU-1", "TIU-2"]
    human = run("--user", "anna", "export", str(tmp_path / "b.csv"), db_url=db_url,
                env={"TIT_PASSWORD": PASSWORD})  # fmt: skip
    assert human.returncode == 0, human.stderr
    assert human.stdout.startswith("Esportati Beneficiari 2")
    assert f"{tmp_path / 'Beneficiari.csv'}" in human.stdout
    # The auditors' read-only role sees the registry but takes no personal data out.
    reader = run_here("--user", "luca", "export", str(tmp_path / "c.xlsx"), db_url=db_url, env=ENV)
    assert reader.returncode == 1
    assert "non permette di esportare dati" in reader.stderr
    assert not (tmp_path / "c.xlsx").exists()


def test_a_wrong_file_is_refused_with_exit_1(db_url: str, tmp_path: Path) -> None:
    _users(db_url)
    bad = persons_workbook(
        tmp_path / "sbagliato.xlsx",
        [BASE_ROW, person_row(Codice="TIU-2", Sesso="X", **{"Codice fiscale": None}),
         person_row(**{"Codice fiscale": None})],
    )  # fmt: skip
    as_json = run_here("--user", "anna", "import", str(bad), "--json", db_url=db_url, env=ENV)
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == {
        "ok": False,
        "errors": [
            {
                "sheet": "Beneficiari",
                "row": 3,
                "column": "Sesso",
                "message": "«X» non previsto: indicare F o M",
            },
            {
                "sheet": "Beneficiari",
                "row": 4,
                "column": "Codice",
                "message": "il codice «TIU-1» è già usato alla riga 2 (Gündoğdu Şükrü)",
            },
        ],
        "warnings": [],
        "imported": {"Beneficiari": 0},
    }
    human = run_here("--user", "anna", "import", str(bad), db_url=db_url, env=ENV)
    assert human.returncode == 1
    assert human.stdout == ""
    assert human.stderr.splitlines() == [
        "Beneficiari, riga 3, colonna Sesso: «X» non previsto: indicare F o M",
        "Beneficiari, riga 4, colonna Codice: il codice «TIU-1» è già usato alla riga 2 "
        "(Gündoğdu Şükrü)",
        "Il file contiene 2 errori: non è stato importato nulla.",
    ]
    # nothing was written
    check = run_here("--user", "anna", "export", str(tmp_path / "c.xlsx"), "--json",
                db_url=db_url, env=ENV)  # fmt: skip
    assert json.loads(check.stdout)["exported"]["Beneficiari"] == 0


def test_refusals_and_wrong_usage(db_url: str, tmp_path: Path) -> None:
    _users(db_url)
    good = persons_workbook(tmp_path / "buono.xlsx", [BASE_ROW])
    refused = run_here("--user", "luca", "import", str(good), "--json", db_url=db_url, env=ENV)
    assert refused.returncode == 1
    assert json.loads(refused.stdout) == {
        "ok": False,
        "error": "PermissionDenied",
        "message": "Operazione non consentita: il ruolo «Sola lettura» non permette di "
        "importare dati.",
    }
    missing = run_here("--user", "anna", "import", str(tmp_path / "assente.xlsx"), "--json",
                  db_url=db_url, env=ENV)  # fmt: skip
    assert missing.returncode == 1
    assert json.loads(missing.stdout)["errors"] == [
        {
            "sheet": None,
            "row": None,
            "column": None,
            "message": f"file «{tmp_path / 'assente.xlsx'}» non trovato",
        }
    ]
    assert run_here("import", str(good), db_url=db_url).returncode == 2  # no --user
    assert run_here("--user", "anna", "import", db_url=db_url, env=ENV).returncode == 2
    assert run_here("--user", "anna", "export", db_url=db_url, env=ENV).returncode == 2
    wrong_kind = run_here("--user", "anna", "export", str(tmp_path / "x.pdf"), "--json",
                     db_url=db_url, env=ENV)  # fmt: skip
    assert wrong_kind.returncode == 1
    assert json.loads(wrong_kind.stdout)["fields"] == {
        "file": "il nome del file deve terminare con .xlsx o .csv"
    }
