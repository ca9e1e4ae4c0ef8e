"""The activity log in Italian: sentences, names for codes and ids, no internal fields,
never the text of a note."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.conftest import PASSWORD
from tit_desktop.models import HouseholdRelation, NoteLevel, PersonNote, Role
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, audit_text, forms, household, merge, notes, persons, users
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
from tit_desktop.services.exchange import exporter, importer
from tit_desktop.services.permissions import Actor

MOROCCO = "Z330"
TUNISIA = "Z352"
SECRET = "Ha raccontato di SEGRETO-7731 all'assistente"


def _input(code: str, last: str, first: str, **values: Any) -> persons.PersonInput:
    data = persons.PersonInput(
        code=code,
        last_name=last,
        first_name=first,
        sex="F",
        birth_date=dt.date(1990, 5, 3),
        birth_place_code=MOROCCO,
        citizenship_code=MOROCCO,
        intake_date=dt.date(2024, 3, 1),
    )
    return replace(data, **values)


def _create(db: Database, actor: Actor, data: persons.PersonInput) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _update(db: Database, actor: Actor, person_id: int, **values: Any) -> None:
    with db.transaction(actor) as session:
        detail = persons.open_person(session, actor, person_id)
        persons.update_person(
            session, actor, person_id, replace(detail.data, **values), detail.version
        )


def _page(db: Database, actor: Actor, **flt: Any) -> audit_text.AuditPage:
    with db.reading() as session:
        return audit_text.load_page(session, actor, audit.AuditFilter(**flt), limit=500)


def _everything_shown(page: audit_text.AuditPage) -> str:
    """Every text the list and the detail windows of a page show."""
    parts = []
    for line in page.lines:
        parts += [line.person, line.text]
        shown = audit_text.detail(line.row, page.references)
        parts += [f"{label} {value}" for label, value in shown.facts]
        parts += [f"{r.field} {r.before} {r.after}" for r in shown.rows]
        parts.append(shown.note)
    return "\n".join(parts)


def test_a_change_reads_as_a_sentence_with_labels_and_names(db: Database, admin: Actor) -> None:
    # GIVEN a person from Morocco
    person_id = _create(db, admin, _input("TIU-00001", "Rossi", "Maria"))
    # WHEN their citizenship becomes Tunisian
    _update(db, admin, person_id, citizenship_code=TUNISIA)
    page = _page(db, admin, person_id=person_id)
    texts = [line.text for line in page.lines]
    # THEN the newest row says so with the field's label and the states' names
    assert texts == [
        "Modificato Cittadinanza: Marocco → Tunisia",
        "Consultata la scheda",
        "Creata la scheda",
    ]
    assert {line.person for line in page.lines} == {"TIU-00001 Rossi Maria"}
    shown = audit_text.detail(page.lines[0].row, page.references)
    assert shown.rows == (audit_text.DetailRow("Cittadinanza", "Marocco", "Tunisia"),)
    assert ("Persona", "TIU-00001 Rossi Maria") in shown.facts
    assert ("Azione", "Modifica") in shown.facts


def test_a_new_record_shows_readable_values_and_no_internal_fields(
    db: Database, admin: Actor
) -> None:
    _create(
        db,
        admin,
        _input(
            "TIU-00002",
            "Bianchi",
            "Sara",
            education_isced=3,
            consent_privacy=True,
            consent_privacy_on=dt.date(2024, 3, 1),
        ),
    )
    page = _page(db, admin, action=AuditAction.INSERT, entity="person")
    shown = audit_text.detail(page.lines[0].row, page.references)
    rows = {r.field: r.after for r in shown.rows}
    assert rows["Codice"] == "TIU-00002"
    assert rows["Luogo di nascita"] == "Marocco"
    assert rows["Data di nascita"] == "03/05/1990"
    assert rows["Data presa in carico"] == "01/03/2024"
    assert rows["Sesso"] == "Femmina"
    assert rows["Titolo di studio"] == "ISCED 3 - Secondaria superiore"
    assert rows["Consenso privacy"] == "Sì"
    assert all(r.before == "" for r in shown.rows)
    text = _everything_shown(page)
    for internal in ("created_at", "person_id", "declined_fields", "Z330", "2024-03-01", "True"):
        assert internal not in text


def test_declined_answers_are_named_by_their_labels(db: Database, admin: Actor) -> None:
    person_id = _create(db, admin, _input("TIU-00003", "Verdi", "Ada", education_isced=2))
    _update(
        db,
        admin,
        person_id,
        education_isced=None,
        employment=None,
        declined=frozenset({"education_isced", "employment"}),
    )
    page = _page(db, admin, person_id=person_id, action=AuditAction.UPDATE)
    assert page.lines[0].text == (
        "Modificati Titolo di studio: ISCED 2 - Secondaria inferiore → —; "
        "Non ha risposto: — → Titolo di studio, Condizione occupazionale"
    )
    assert "declined_fields" not in _everything_shown(page)


def test_note_text_never_appears_and_confidential_notes_say_so(db: Database, admin: Actor) -> None:
    person_id = _create(db, admin, _input("TIU-00004", "Neri", "Luca"))
    with db.transaction(admin) as session:
        secret = notes.add_note(session, admin, person_id, SECRET, NoteLevel.CONFIDENTIAL)
        notes.add_note(session, admin, person_id, "Iscritto al corso di italiano A2.")
    with db.transaction(admin) as session:
        note = session.get(PersonNote, secret.id)
        assert note is not None
        note.text = SECRET + " (corretto)"
    page = _page(db, admin, entity="person_note")
    assert [line.text for line in page.lines] == [
        "Modificata una nota riservata",  # the level is not among the changes: looked up
        "Aggiunta una nota",
        "Aggiunta una nota riservata",
    ]
    assert {line.person for line in page.lines} == {"TIU-00004 Neri Luca"}
    shown = _everything_shown(page)
    assert "SEGRETO" not in shown
    assert "corso di italiano" not in shown
    assert "Il testo delle note non è mostrato" in shown
    facts = dict(audit_text.detail(page.lines[1].row, page.references).facts)
    assert facts["Nota"] == "normale"
    for internal in ("written_at", "author_user_id", "person_id"):
        assert internal not in shown


def test_consultation_print_login_and_failed_login(db: Database, admin: Actor) -> None:
    person_id = _create(db, admin, _input("TIU-00005", "Gialli", "Ugo"))
    with db.transaction(admin) as session:
        persons.open_person(session, admin, person_id)
        forms.print_form(session, admin, "scheda-iscrizione", person_id, io.BytesIO())
    users.login(db, "admin", PASSWORD)
    with pytest.raises(Exception):  # noqa: B017 - the refusal itself is tested elsewhere
        users.login(db, "nessuno", "sbagliata")
    page = _page(db, admin)
    texts = [line.text for line in page.lines]
    assert texts[:4] == [
        "Accesso non riuscito (nome utente sconosciuto di 7 caratteri)",
        "Accesso",
        "Esportazione: modulo scheda-iscrizione (it)",
        "Consultata la scheda",
    ]
    assert [line.person for line in page.lines[:4]] == [
        "",
        "",
        "TIU-00005 Gialli Ugo",
        "TIU-00005 Gialli Ugo",
    ]


def test_merge_and_its_undo_name_the_other_record(db: Database, admin: Actor) -> None:
    survivor = _create(db, admin, _input("TIU-00006", "Costa", "Ines", phone="071 111111"))
    absorbed = _create(db, admin, _input("TIU-00007", "Costa", "Ines", email="ines@example.it"))
    with db.transaction(admin) as session:
        notes.add_note(session, admin, absorbed, "Prima nota")
        notes.add_note(session, admin, absorbed, "Seconda nota")
    with db.transaction(admin) as session:
        result = merge.merge_persons(session, admin, survivor, absorbed)
    page = _page(db, admin, person_id=survivor, action=AuditAction.MERGE)
    assert [line.text for line in page.lines] == ["Unita a questa la scheda TIU-00007 Costa Ines"]
    shown = audit_text.detail(page.lines[0].row, page.references)
    assert audit_text.DetailRow("E-mail", "—", "ines@example.it") in shown.rows
    assert ("Spostati su questa scheda", "2 note") in shown.facts
    moved = _page(db, admin, person_id=survivor, entity="person_note", action=AuditAction.UPDATE)
    assert [line.text for line in moved.lines] == [
        "Spostata una nota dalla scheda TIU-00007 Costa Ines"
    ] * 2
    absorbed_rows = _page(db, admin, person_id=absorbed, action=AuditAction.UPDATE)
    assert absorbed_rows.lines[0].text == "Unita alla scheda TIU-00006 Costa Ines"
    with db.transaction(admin) as session:
        merge.undo_merge(session, admin, result.audit_id)
    page = _page(db, admin, action=AuditAction.UNDO_MERGE)
    assert [line.text for line in page.lines] == [
        "Annullata l'unione con la scheda TIU-00007 Costa Ines"
    ]
    assert page.lines[0].person == "TIU-00006 Costa Ines"
    assert "{" not in _everything_shown(_page(db, admin))


def test_export_and_import_of_the_exchange_workbook(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    _create(db, admin, _input("TIU-00008", "Russo", "Elia"))
    target = tmp_path / "scambio.xlsx"
    with db.transaction(admin) as session:
        exporter.export_workbook(session, admin, target)
    with db.transaction(admin) as session:
        report = importer.import_workbook(session, admin, target)
    assert report.ok
    page = _page(db, admin)
    # one import row per sheet (the Percorsi sheet's too), then the export
    texts = [line.text for line in page.lines]
    exported = next(t for t in texts if t.startswith("Esportazione"))
    imported = next(t for t in texts if "foglio Beneficiari" in t)
    assert exported == "Esportazione in «scambio.xlsx»: Beneficiari 1"
    assert imported.startswith("Importazione da «scambio.xlsx», foglio Beneficiari:")
    assert "invariate 1" in imported


def test_relatives_users_and_organisations_read_as_sentences(db: Database, admin: Actor) -> None:
    person_id = _create(db, admin, _input("TIU-00009", "Ferri", "Ivo"))
    _create(db, admin, _input("TIU-00010", "Ferri", "Eva"))
    with db.transaction(admin) as session:
        household.link_relative(
            session, admin, person_id, "TIU-00010", HouseholdRelation.SPOUSE_OR_PARTNER
        )
    with db.transaction(admin) as session:
        users.add_user(session, admin, "mrossi", Role.OPERATOR, PASSWORD, "Mario Rossi")
    page = _page(db, admin)
    texts = [line.text for line in page.lines]
    assert texts[0] == "Creato l'utente «mrossi» (Operatore)"
    assert texts[1] == "Aggiunto il familiare TIU-00010 Ferri Eva (coniuge o partner)"
    assert page.lines[1].person == "TIU-00009 Ferri Ivo"
    assert "***" not in _everything_shown(page)


def test_a_page_names_its_persons_in_one_query(db: Database, admin: Actor) -> None:
    for n in range(12):
        _create(db, admin, _input(f"TIU-{n + 20:05d}", "Serra", f"Nome{n}"))
    with db.reading() as session:
        rows = audit.search(session, admin, audit.AuditFilter(entity="person"), limit=500)
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            refs = audit_text.load_references(session, admin, rows)
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
    assert len(refs.persons) == 12
    assert len([s for s in statements if "FROM person" in s]) == 1


def test_persons_found_by_code_or_name_for_the_filter(db: Database, admin: Actor) -> None:
    first = _create(db, admin, _input("TIU-00031", "Marini", "Olga"))
    _create(db, admin, _input("TIU-00032", "Marchi", "Olga"))
    with db.reading() as session:
        by_name = audit_text.find_persons(session, admin, "marini")
        both = audit_text.find_persons(session, admin, "olga")
        by_code = audit_text.find_persons(session, admin, "TIU-00031")
    assert [p.text for p in by_name] == ["TIU-00031 Marini Olga"]
    assert len(both) == 2
    assert [p.id for p in by_code] == [first]


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.READ_ONLY])
def test_only_admin_and_coordinator_read_the_log(
    db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    actor = actors[role]
    with db.reading() as session:
        rows = audit.search(session, actors[Role.COORDINATOR], audit.AuditFilter())
        for read in (
            lambda: audit_text.load_page(session, actor, audit.AuditFilter(), 10),
            lambda: audit_text.load_references(session, actor, rows),
            lambda: audit_text.find_persons(session, actor, "rossi"),
            lambda: audit_text.user_choices(session, actor),
        ):
            with pytest.raises(PermissionDenied):
                read()


def _row(action: str, entity: str, **values: Any) -> audit.AuditRow:
    base: dict[str, Any] = {
        "id": 1,
        "at": dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC),
        "username": "admin",
        "action": action,
        "entity": entity,
        "entity_id": None,
        "changes": None,
        "detail": None,
    }
    base.update(values)
    return audit.AuditRow(**base)


def test_sentences_of_rows_with_no_database() -> None:
    refs = audit_text.References(
        persons={4: audit_text.PersonRef(4, "TIU-00004", "Rossi Mario")},
        organisations={2: "Caritas"},
        staff={3: "Ferretti Martina"},
    )
    update = _row(
        "update",
        "person",
        entity_id="4",
        person_id=4,
        changes={
            "referring_organisation_id": [None, 2],
            "reference_staff_id": [3, None],
            "consent_photo": [False, True],
            "permit_expires_on": ["2026-01-31", "2027-01-31"],
            "permit_reason": [None, "minore eta"],
        },
    )
    assert audit_text.sentence(update, refs) == (
        "Modificati Motivo del permesso: — → Minore età; Scadenza del permesso: 31/01/2026 → "
        "31/01/2027; Ente inviante: — → Caritas; e altri 2 campi"
    )
    assert audit_text.person_text(update, refs) == "TIU-00004 Rossi Mario"
    rows = {r.field: (r.before, r.after) for r in audit_text.detail(update, refs).rows}
    assert rows["Operatore di riferimento"] == ("Ferretti Martina", "—")
    assert rows["Consenso foto"] == ("No", "Sì")
    bulk = _row("bulk", "person", changes={"table": "person_note", "count": 40, "ids": [1]})
    assert audit_text.sentence(bulk) == "Registrazione multipla: 40 × nota"
    imported = _row("import", "person", detail="Importazione da «a.xlsx», foglio beneficiari")
    assert audit_text.sentence(imported) == "Importazione da «a.xlsx», foglio beneficiari"
    backup = _row("backup", "database", detail="/tmp/b.sqlite3")
    assert audit_text.sentence(backup) == "Backup del database in «/tmp/b.sqlite3»"
    password = _row("update", "app_user", entity_id="5", changes={"password_hash": ["***", "***"]})
    refs_user = audit_text.References(usernames={5: "mrossi"})
    assert audit_text.sentence(password, refs_user) == "Cambiata la password dell'utente «mrossi»"
    gone = _row("view", "person", entity_id="99", person_id=99)
    assert audit_text.person_text(gone, refs) == "scheda non più presente"


def test_note_rows_never_carry_text_even_when_the_level_is_unknown() -> None:
    row = _row(
        "update",
        "person_note",
        entity_id="8",
        person_id=4,
        changes={"text": ["prima " + SECRET, "dopo " + SECRET]},
    )
    shown = audit_text.detail(row)
    assert audit_text.sentence(row) == "Modificata una nota"
    assert SECRET not in audit_text.sentence(row)
    assert all(SECRET not in f"{r.before}{r.after}" for r in shown.rows)
    assert all(SECRET not in value for _label, value in shown.facts)
    with_level = audit_text.References(note_levels={8: NoteLevel.CONFIDENTIAL.value})
    assert audit_text.sentence(row, with_level) == "Modificata una nota riservata"


def test_a_label_for_every_person_field() -> None:
    from tit_desktop.models import Person

    shown = {c.name for c in Person.__table__.columns} - audit_text._HIDDEN_FIELDS
    unlabelled = {n for n in shown if audit_text.field_label(n) == n}
    assert unlabelled == set()


def test_rows_moved_by_a_merge_and_login_counters() -> None:
    refs = audit_text.References(
        persons={11: audit_text.PersonRef(11, "TIU-00011", "Ndiaye Awa")},
        usernames={1: "admin"},
        note_levels={5: NoteLevel.CONFIDENTIAL.value},
    )
    moved = _row(
        "update", "person_note", entity_id="5", person_id=10, changes={"person_id": [11, 10]}
    )
    assert audit_text.sentence(moved, refs) == (
        "Spostata una nota riservata dalla scheda TIU-00011 Ndiaye Awa"
    )
    document = _row("update", "attachment", entity_id="2", changes={"person_id": [11, 10]})
    assert audit_text.sentence(document, refs) == (
        "Spostato un documento allegato dalla scheda TIU-00011 Ndiaye Awa"
    )
    failed = _row("update", "app_user", entity_id="1", changes={"failed_logins": [0, 1]})
    assert audit_text.sentence(failed, refs) == "Tentativi errati dell'utente «admin»: 1"
    reset = _row("update", "app_user", entity_id="1", changes={"failed_logins": [3, 0]})
    assert audit_text.sentence(reset, refs) == "Azzerati i tentativi errati dell'utente «admin»"
