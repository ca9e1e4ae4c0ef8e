"""One language for code: identifiers in English, Italian only for what users read (the
stored values of the enums, labels, messages). And one module for the shared column types.

The scan looks at the names the code defines (modules, classes, functions, enum members,
module-level names) for common Italian words of the domain. Terms of art with no English
equivalent stay (comune, questura, omocodia, codice fiscale, Belfiore, ISTAT, ETHOS, CUI)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
SCANNED = ("tit_desktop", "tests", "benchmarks")

_ITALIAN = """
    altra altro anno apolidia asilo attesa attivo beneficiari beneficiario casi cena chiuso
    cittadinanza cognome colazione coniuge consenso contatti contatto convenzione cure
    dichiarato disoccupato dormitorio durata elenco ente enti eta famiglia figlia figlio
    fratello genitore giorno importi importo inattivo indirizzo ingresso lavoro letti letto
    lettura lunga lungo luogo mediche mese minore modulo moduli motivo nascita nome normale
    nota notte notti occupato occupazione operatore operatori ospite ospiti pagamento pasti
    pasto percorsi percorso periodo permesso politico posti posto pranzo presenza presenze
    protezione rendiconto richiesta riservata risposto ruolo scheda sesso si sorella spesa
    spese speciale speciali stampa studente studio subordinato sussidiaria telefono tipo
    titolo uscita utente utenti
"""
ITALIAN_WORDS = frozenset(_ITALIAN.split())


def _words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[a-z]+", name)]


def _defined_names(tree: ast.Module) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        if isinstance(node, ast.ClassDef):  # class attributes, enum members included
            for item in node.body:
                if isinstance(item, ast.Assign | ast.AnnAssign):
                    targets = item.targets if isinstance(item, ast.Assign) else [item.target]
                    names += [t.id for t in targets if isinstance(t, ast.Name)]
    for item in tree.body:  # module-level names
        if isinstance(item, ast.Assign | ast.AnnAssign):
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


def _italian(name: str) -> bool:
    return any(word in ITALIAN_WORDS for word in _words(name))


def test_code_names_are_english() -> None:
    found = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            where = path.relative_to(ROOT)
            if _italian(path.stem):
                found.append(f"{where}: module name")
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += [f"{where}: {name}" for name in _defined_names(tree) if _italian(name)]
    assert found == []


def test_the_scan_finds_italian_names() -> None:
    old = "class PermitReason(enum.StrEnum):\n    LAVORO_SUBORDINATO = 'lavoro subordinato'\n"
    assert [n for n in _defined_names(ast.parse(old)) if _italian(n)] == ["LAVORO_SUBORDINATO"]
    assert _italian("beneficiari_xlsx")
    assert not _italian("EMPLOYED_WORK")


def test_column_types_are_defined_only_in_models_columns() -> None:
    """enum_column, UTCDateTime, the key and JSON types: a new shared type goes there too."""
    found = []
    for path in sorted((ROOT / "tit_desktop").rglob("*.py")):
        if path == ROOT / "tit_desktop" / "models" / "columns.py":
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        if "sqlalchemy" in source:  # a module-level helper building a column, like enum_column
            found += [
                f"{path.name}: def {node.name}"
                for node in tree.body
                if isinstance(node, ast.FunctionDef) and node.name.endswith("_column")
            ]
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                ast.unparse(b).split(".")[-1].startswith("TypeDecorator") for b in node.bases
            ):
                found.append(f"{path.name}: class {node.name}")
            if isinstance(node, ast.Call):
                call = ast.unparse(node.func)
                if call.endswith("with_variant") or call in ("Enum", "sa.Enum", "sqlalchemy.Enum"):
                    found.append(f"{path.name}: {call}()")
    assert found == []
