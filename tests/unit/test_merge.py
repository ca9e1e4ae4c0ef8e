"""Merging two records of one person and undoing the merge: rows move (notes, household links,
attachments, "not the same person" decisions, any table pointing to persons), the absorbed
record is hidden and kept, and undo gives back exactly the rows there were, or refuses."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    insert,
    select,
)

from tit_desktop.models import (
    Attachment,
    AuditEntry,
    Base,
    HouseholdLink,
    HouseholdRelation,
    NoteLevel,
    NotSamePerson,
    Person,
    PersonNote,
    Role,
)
from tit_desktop.services import codice_fiscale, merge, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tit_desktop.services.permissions import Actor

BIRTH = dt.date(1990, 5, 3)


def _input(code: str, last: str, first: str, **values: Any) -> persons.PersonInput:
    data = persons.PersonInput(
        code=code,
        last_name=last,
        first_name=first,
        sex="M",
        birth_date=BIRTH,
        birth_place_code="Z330",
        citizenship_code="Z330",
        intake_date=dt.date(2024, 3, 1),
    )
    return replace(data, **values)


def _cf(last: str, first: str, born: dt.date = BIRTH) -> str:
    return codice_fiscale.compute(last, first, "M", born, "Z330")


def _create(db: Database, actor: Actor, data: persons.PersonInput) -> int:
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _add(db: Database, actor: Actor, *rows: Any) -> list[int]:
    with db.transaction(actor) as session:
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def _attachment(person_id: int, name: str, content: bytes) -> Attachment:
    return Attachment(
        person_id=person_id,
        file_name=name,
        media_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )


def _not_same(a: int, b: int) -> NotSamePerson:
    return NotSamePerson(person_low_id=min(a, b), person_high_id=max(a, b))


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit log (and the persons its rows name), without
    the columns that only record that a row was written (version counters, updated_at: they
    rightly move on)."""
    result = {}
    with db.reading() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ("audit_log", "audit_subject"):
                continue
            columns = [c for c in table.columns if c.name not in merge.BOOKKEEPING]
            query = select(*columns).order_by(*table.primary_key.columns)
            result[table.name] = [tuple(row) for row in session.execute(query)]
    return result


def _merge(db: Database, actor: Actor, survivor: int, absorbed: int, **kw: Any) -> Any:
    with db.transaction(actor) as session:
        return merge.merge_persons(session, actor, survivor, absorbed, **kw)


def _undo(db: Database, actor: Actor, audit_id: int | None = None, **kw: Any) -> Any:
    with db.transaction(actor) as session:
        return merge.undo_merge(session, actor, audit_id, **kw)


class Family:
    """Two records of Mohamed Ali (S, the survivor, and A), and two other persons X and Y.

    S: a note, a link to X (coniuge), a scan, "not the same person" as X.
    A: two notes, links X->A (a repeat of S-X read from the other side), A->Y, S->A (becomes
    a self-link), the same scan as S's plus another one, "not the same" as X (a repeat) and
    as Y.
    """

    def __init__(self, db: Database, actor: Actor) -> None:
        self.s = _create(
            db,
            actor,
            _input("S1", "Ali", "Mohamed", fiscal_code=_cf("Ali", "Mohamed"), phone="333 111"),
        )
        self.a = _create(
            db,
            actor,
            _input(
                "A1",
                "Ali",
                "Mohammed",
                fiscal_code=_cf("Ali", "Mohammed"),
                cui="CUI12345",
                address="Via Roma 1",
                phone="333 222",
                intake_date=dt.date(2023, 6, 1),
            ),
        )
        self.x = _create(db, actor, _input("X1", "Diallo", "Aminata", sex="F"))
        self.y = _create(db, actor, _input("Y1", "Traoré", "Moussa"))
        s, a, x, y = self.s, self.a, self.x, self.y
        self.notes_s = _add(db, actor, PersonNote(person_id=s, level=NoteLevel.NORMAL, text="S"))
        self.notes_a = _add(
            db,
            actor,
            PersonNote(person_id=a, level=NoteLevel.NORMAL, text="A uno"),
            PersonNote(person_id=a, level=NoteLevel.CONFIDENTIAL, text="A due"),
        )
        self.link_sx, self.link_xa, self.link_ay, self.link_sa = _add(
            db,
            actor,
            HouseholdLink(person_id=s, relative_id=x, relation=HouseholdRelation.SPOUSE_OR_PARTNER),
            HouseholdLink(person_id=x, relative_id=a, relation=HouseholdRelation.SPOUSE_OR_PARTNER),
            HouseholdLink(person_id=a, relative_id=y, relation=HouseholdRelation.CHILD),
            HouseholdLink(person_id=s, relative_id=a, relation=HouseholdRelation.SIBLING),
        )
        self.scan_s, self.scan_a_same, self.scan_a_other = _add(
            db,
            actor,
            _attachment(s, "permesso.pdf", b"scan-1"),
            _attachment(a, "permesso (copia).pdf", b"scan-1"),
            _attachment(a, "passaporto.pdf", b"scan-2"),
        )
        self.ns_sx, self.ns_ax, self.ns_ay = _add(
            db, actor, _not_same(s, x), _not_same(a, x), _not_same(a, y)
        )


def test_merge_moves_every_row_and_hides_the_absorbed_record(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    s, a, x, y = family.s, family.a, family.x, family.y

    result = _merge(db, coordinator, s, a)

    assert result.moved == {
        "person_note": 2,
        "household_link": 1,
        "attachment": 1,
        "not_same_person": 1,
    }
    assert result.removed == {"household_link": 2, "not_same_person": 1}
    assert result.left_with_absorbed == {"attachment": 1}
    assert result.warnings == ()
    with db.reading() as session:
        notes = session.execute(
            select(PersonNote.id, PersonNote.person_id).order_by(PersonNote.id)
        ).all()
        assert notes == [(family.notes_s[0], s), (family.notes_a[0], s), (family.notes_a[1], s)]
        links = session.execute(
            select(HouseholdLink.id, HouseholdLink.person_id, HouseholdLink.relative_id)
        ).all()
        assert sorted(links) == [(family.link_sx, s, x), (family.link_ay, s, y)]
        scans = session.execute(select(Attachment.id, Attachment.person_id)).all()
        assert sorted(scans) == [
            (family.scan_s, s),
            (family.scan_a_same, a),  # identical to S's: left with the hidden record
            (family.scan_a_other, s),
        ]
        pairs = session.execute(
            select(NotSamePerson.id, NotSamePerson.person_low_id, NotSamePerson.person_high_id)
        ).all()
        assert sorted(pairs) == [(family.ns_sx, s, x), (family.ns_ay, *sorted((s, y)))]
        absorbed = session.get(Person, a)
        survivor = session.get(Person, s)
        assert absorbed is not None and survivor is not None
        assert absorbed.merged_into_id == s
        assert (absorbed.code, absorbed.fiscal_code, absorbed.cui) == ("A1", None, None)
        # Gaps filled from the absorbed record, the earlier intake date, the rest kept.
        assert survivor.cui == "CUI12345" and survivor.address == "Via Roma 1"
        assert survivor.intake_date == dt.date(2023, 6, 1)
        assert (survivor.code, survivor.phone) == ("S1", "333 111")
        assert survivor.fiscal_code == _cf("Ali", "Mohamed")

        # The absorbed record is out of lists, counts, search and the record screen.
        everyone = persons.PersonFilter()
        assert persons.search_ids(session, coordinator, everyone) == [s, x, y]
        assert persons.count(session, coordinator, everyone) == 3
        assert persons.search_ids(session, coordinator, persons.PersonFilter("mohammed")) == []
        assert persons.search_ids(session, coordinator, persons.PersonFilter("cui12345")) == [s]
        with pytest.raises(NotFound):
            persons.open_person(session, coordinator, a)

        # The audit trail: one merge entry with the undo data, and each row change.
        entry = session.get(AuditEntry, result.audit_id)
        assert entry is not None
        assert (entry.action, entry.entity, entry.entity_id) == ("merge", "person", str(s))
        assert entry.username == coordinator.username
        assert entry.changes is not None and entry.changes["absorbed_id"] == a
        note_moves = session.scalars(
            select(AuditEntry.changes).where(
                AuditEntry.entity == "person_note", AuditEntry.action == "update"
            )
        ).all()
        assert note_moves == [{"person_id": [a, s]}, {"person_id": [a, s]}]
        deleted = session.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.entity == "household_link", AuditEntry.action == "delete"
            )
        ).all()
        assert sorted(deleted, key=int) == [str(family.link_xa), str(family.link_sa)]


def test_undo_gives_back_exactly_the_rows_there_were(
    db: Database, actors: dict[Role, Actor]
) -> None:
    # GIVEN the family, with the codes swapped and the absorbed codice fiscale chosen
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    _add(db, coordinator, _not_same(family.s, family.a))
    before = snapshot(db)
    result = _merge(
        db,
        coordinator,
        family.s,
        family.a,
        field_choices={"code": "absorbed", "fiscal_code": "absorbed", "phone": "absorbed"},
    )
    # The chosen code is Mohammed's, the survivor keeps the name Mohamed: warned, as the form does.
    assert result.warnings == (
        "Il codice fiscale non corrisponde a: nome. Codice calcolato dai dati: LAIMMD90E03Z330Z",
        "Le due schede erano state segnate come persone diverse: la decisione è stata tolta "
        "(l'annullamento dell'unione la ripristina).",
    )
    with db.reading() as session:
        survivor, absorbed = session.get(Person, family.s), session.get(Person, family.a)
        assert survivor is not None and absorbed is not None
        assert (survivor.code, survivor.fiscal_code, survivor.phone) == (
            "A1",
            _cf("Ali", "Mohammed"),
            "333 222",
        )
        assert (absorbed.code, absorbed.fiscal_code) == ("S1", None)
    assert snapshot(db) != before

    # WHEN the merge is undone
    undone = _undo(db, coordinator, result.audit_id)

    # THEN every row of every table is as it was, and the undo is in the audit log
    assert snapshot(db) == before
    assert (undone.moved_back, undone.restored) == (5, 4)
    with db.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "undo_merge")).one()
        assert entry.changes == {"merge_audit_id": result.audit_id, "absorbed_id": family.a}
        assert persons.count(session, coordinator, persons.PersonFilter()) == 4


def test_undo_by_the_two_ids_and_only_once(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    before = snapshot(db)
    _merge(db, coordinator, family.s, family.a)
    _undo(db, coordinator, survivor_id=family.s, absorbed_id=family.a)
    assert snapshot(db) == before
    with pytest.raises(ConflictError) as err:
        _undo(db, coordinator, survivor_id=family.s, absorbed_id=family.a)
    assert err.value.message == "Questa unione è già stata annullata."
    with pytest.raises(NotFound) as missing:
        _undo(db, coordinator, survivor_id=family.x, absorbed_id=family.y)
    assert missing.value.message == (
        f"Nessuna unione della scheda {family.y} nella scheda {family.x} nel registro."
    )


def test_undo_is_refused_after_the_survivor_was_edited(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    result = _merge(db, coordinator, family.s, family.a)
    with db.transaction(coordinator) as session:
        detail = persons.open_person(session, coordinator, family.s)
        persons.update_person(
            session, coordinator, family.s, replace(detail.data, phone="071 999"), detail.version
        )
    after_edit = snapshot(db)

    with pytest.raises(ConflictError) as err:
        _undo(db, coordinator, result.audit_id)

    assert err.value.message == (
        "Non è possibile annullare l'unione in modo sicuro: la scheda di Ali Mohamed (codice S1) "
        "è stata modificata dopo l'unione. Nulla è stato modificato: correggere le schede a mano."
    )
    assert snapshot(db) == after_edit


def test_undo_is_refused_when_a_moved_row_changed_or_a_code_was_taken(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    result = _merge(db, coordinator, family.s, family.a)
    # GIVEN a moved note edited, a moved link removed, and the absorbed codice fiscale reused
    with db.transaction(coordinator) as session:
        note = session.get(PersonNote, family.notes_a[0])
        assert note is not None
        note.text = "corretta"
        link = session.get(HouseholdLink, family.link_ay)
        session.delete(link)
    _create(db, coordinator, _input("Z1", "Ali", "Mohammed", fiscal_code=_cf("Ali", "Mohammed")))
    after = snapshot(db)

    with pytest.raises(ConflictError) as err:
        _undo(db, coordinator, result.audit_id)

    assert err.value.message == (
        "Non è possibile annullare l'unione in modo sicuro: "
        f"il record {family.link_ay} di «legame familiare» è stato eliminato dopo l'unione; "
        f"il record {family.notes_a[0]} di «nota» è stato modificato dopo l'unione; "
        f"il codice fiscale {_cf('Ali', 'Mohammed')} è ora usato da Ali Mohammed (codice Z1). "
        "Nulla è stato modificato: correggere le schede a mano."
    )
    assert snapshot(db) == after


def test_undo_waits_for_a_later_merge_of_the_survivor(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    first = _merge(db, coordinator, family.s, family.a)
    second = _merge(db, coordinator, family.x, family.s)
    with pytest.raises(ConflictError) as err:
        _undo(db, coordinator, first.audit_id)
    assert err.value.message == (
        "La scheda di Ali Mohamed (codice S1) è stata a sua volta unita a un'altra: annullare "
        "prima quell'unione."
    )
    _undo(db, coordinator, second.audit_id)
    _undo(db, coordinator, first.audit_id)
    with db.reading() as session:
        assert persons.count(session, coordinator, persons.PersonFilter()) == 4


def test_undo_is_refused_once_a_record_was_anonymised(
    db: Database, actors: dict[Role, Actor]
) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    result = _merge(db, coordinator, family.s, family.a)
    # GIVEN the merge's undo data blanked out, as the anonymisation of a person does
    with db.transaction(coordinator) as session:
        entry = session.get(AuditEntry, result.audit_id)
        assert entry is not None and entry.changes is not None
        entry.changes = {
            k: v if "_id" in k or k == "format" else "***" for k, v in entry.changes.items()
        }
    with pytest.raises(ConflictError) as gone:
        _undo(db, coordinator, result.audit_id)
    assert gone.value.message == (
        "I dati per annullare questa unione non sono più nel registro delle attività: l'unione "
        "non si può annullare."
    )
    with db.transaction(coordinator) as session:
        survivor = session.get(Person, family.s)
        assert survivor is not None
        survivor.anonymised_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(ConflictError) as anonymised:
        _undo(db, coordinator, survivor_id=family.s, absorbed_id=family.a)
    assert anonymised.value.message == (
        "Una delle due schede è stata anonimizzata: l'unione non si può più annullare."
    )


def test_merge_refusals(db: Database, actors: dict[Role, Actor]) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    before = snapshot(db)
    with pytest.raises(ValidationError) as same:
        _merge(db, coordinator, family.s, family.s)
    assert same.value.fields == {"absorbed_id": "indicare due schede diverse"}
    with pytest.raises(ValidationError) as choice:
        _merge(
            db,
            coordinator,
            family.s,
            family.a,
            field_choices={"religione": "absorbed", "phone": "entrambi"},
        )
    assert choice.value.fields == {
        "religione": "campo sconosciuto: non si può scegliere",
        "phone": "scelta non valida «entrambi» (ammesse: survivor, absorbed)",
    }
    with pytest.raises(ValidationError) as group:
        _merge(
            db,
            coordinator,
            family.s,
            family.a,
            field_choices={"permit_type": "absorbed", "permit_number": "survivor"},
        )
    assert group.value.fields == {
        "permit_type": "i campi permit_type, permit_reason, permit_number, permit_issuer, "
        "permit_issued_on, permit_expires_on vanno presi tutti dalla stessa scheda"
    }
    with pytest.raises(NotFound):
        _merge(db, coordinator, family.s, 9999)
    # The merged record would break a rule of the person form: checked, nothing written.
    baby = _create(
        db, coordinator, _input("B1", "Ali", "Amina", sex="F", birth_date=dt.date(2023, 12, 1))
    )
    before = snapshot(db)
    with pytest.raises(ValidationError) as invalid:
        _merge(db, coordinator, family.a, baby, field_choices={"birth_date": "absorbed"})
    assert invalid.value.fields == {
        "birth_date": "la data di nascita (01/12/2023) è successiva alla presa in carico "
        "(01/06/2023)"
    }
    assert snapshot(db) == before
    _merge(db, coordinator, family.s, family.a)
    with pytest.raises(ConflictError) as again:
        _merge(db, coordinator, family.x, family.a)
    assert again.value.message == (
        "La scheda di Ali Mohammed (codice A1) è già stata unita a un'altra: non si può unire."
    )


def test_a_refused_merge_leaves_the_callers_transaction_as_it_was(
    db: Database, actors: dict[Role, Actor]
) -> None:
    # GIVEN a merge that fails its check after the absorbed record released its CUI
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    baby = _create(
        db,
        coordinator,
        _input("B1", "Ali", "Amina", sex="F", birth_date=dt.date(2023, 12, 1), cui="CUIBABY1"),
    )
    before = snapshot(db)
    # WHEN the caller catches the refusal and commits its transaction anyway
    with db.transaction(coordinator) as session, pytest.raises(ValidationError):
        merge.merge_persons(
            session, coordinator, family.a, baby, field_choices={"birth_date": "absorbed"}
        )
    # THEN nothing of the merge was written
    assert snapshot(db) == before


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.READ_ONLY])
def test_only_coordinators_and_admins_merge(
    db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    family = Family(db, actors[Role.ADMIN])
    before = snapshot(db)
    with pytest.raises(PermissionDenied) as err:
        _merge(db, actors[role], family.s, family.a)
    assert err.value.message.endswith("non permette di anonimizzare o unire le persone.")
    result = _merge(db, actors[Role.ADMIN], family.s, family.a)
    with pytest.raises(PermissionDenied):
        _undo(db, actors[role], result.audit_id)
    _undo(db, actors[Role.COORDINATOR], result.audit_id)
    assert snapshot(db) == before


# --- a service table added later --------------------------------------------------------------

_EXTRA = MetaData()
MEALS = Table(
    "test_meal",
    _EXTRA,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey(Person.__table__.c.id), nullable=False),
    Column("day", Date, nullable=False),
    Column("kind", String(20), nullable=False),
    UniqueConstraint("person_id", "day", "kind"),
)


@pytest.fixture
def meals(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Table]:
    """A meal table with "one meal per type per day", unknown to the merge module: it is
    found by its foreign key (the discovery is patched to look at this test's metadata too)."""
    MEALS.create(db.engine)
    discover = merge.person_references

    def with_meals() -> list[merge.PersonReference]:
        return [*discover(), merge.PersonReference(MEALS, ("person_id",))]

    monkeypatch.setattr(merge, "person_references", with_meals)
    yield MEALS
    MEALS.drop(db.engine)


def test_rows_of_any_table_move_and_a_repeated_meal_stops_the_merge(
    db: Database, actors: dict[Role, Actor], meals: Table
) -> None:
    coordinator = actors[Role.COORDINATOR]
    family = Family(db, coordinator)
    day = dt.date(2024, 3, 12)
    with db.transaction(coordinator) as session:
        session.execute(
            insert(meals),
            [
                {"id": 1, "person_id": family.s, "day": day, "kind": "pranzo"},
                {"id": 2, "person_id": family.a, "day": day, "kind": "cena"},
                {"id": 3, "person_id": family.a, "day": day, "kind": "pranzo"},
            ],
        )
    before = snapshot(db)
    with db.reading() as session:
        meals_before = session.execute(select(meals).order_by(meals.c.id)).all()

    with pytest.raises(ConflictError) as err:
        _merge(db, coordinator, family.s, family.a)
    assert err.value.message == (
        "Impossibile unire le due schede: nella tabella «test_meal» entrambe le persone hanno "
        "già un record per 12/03/2024, pranzo. Correggere o togliere uno dei due record, poi "
        "ripetere l'unione."
    )
    assert snapshot(db) == before

    with db.transaction(coordinator) as session:
        session.execute(meals.delete().where(meals.c.id == 1))
    result = _merge(db, coordinator, family.s, family.a)
    assert result.moved["test_meal"] == 2
    with db.reading() as session:
        assert session.execute(select(meals.c.id, meals.c.person_id)).all() == [
            (2, family.s),
            (3, family.s),
        ]
    _undo(db, coordinator, result.audit_id)
    with db.reading() as session:
        assert session.execute(select(meals).order_by(meals.c.id)).all() == meals_before[1:]


# --- property: merge then undo is the identity ------------------------------------------------

FIRST_NAMES = ("Mohamed", "Youssef", "Aminata", "Olga", "Nguyen")
_codes = itertools.count()
_choice_fields = st.sampled_from(
    ["code", "last_name", "first_name", "phone", "address", "fiscal_code", "cui", "intake_date"]
)


def _surname(n: int) -> str:
    """A surname whose first three consonants (its part of the codice fiscale) are n's own."""
    consonants = "BCDFGHJKLMNPQRSTVWXZ"
    return "".join(consonants[n // 20**i % 20] for i in (2, 1, 0)).capitalize() + "a"


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    people = []
    for _ in range(3):
        first = draw(st.sampled_from(FIRST_NAMES))
        born = draw(st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31)))
        people.append(
            {
                "first": first,
                "born": born,
                "cf": draw(st.booleans()),
                "cui": draw(st.booleans()),
                "phone": draw(st.sampled_from([None, "333 1", "333 2"])),
                "intake": draw(st.dates(dt.date(2006, 1, 1), dt.date(2024, 12, 31))),
                "notes": draw(st.integers(0, 2)),
                "scans": draw(
                    st.lists(st.sampled_from([b"a", b"b", b"c"]), max_size=2, unique=True)
                ),
            }
        )
    pairs = [(0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1)]
    links = draw(st.lists(st.sampled_from(pairs), max_size=4, unique_by=lambda p: frozenset(p)))
    not_same = draw(st.lists(st.sampled_from([(0, 1), (0, 2), (1, 2)]), max_size=3, unique=True))
    choices = draw(st.dictionaries(_choice_fields, st.sampled_from(["survivor", "absorbed"])))
    return {"people": people, "links": links, "not_same": not_same, "choices": choices}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenario=scenarios())
def test_merge_then_undo_gives_back_the_original_rows(
    db: Database, admin: Actor, scenario: dict[str, Any]
) -> None:
    ids = []
    for person in scenario["people"]:
        n = next(_codes)
        last = _surname(n)
        ids.append(
            _create(
                db,
                admin,
                _input(
                    f"H{n}",
                    last,
                    person["first"],
                    birth_date=person["born"],
                    intake_date=person["intake"],
                    fiscal_code=_cf(last, person["first"], person["born"])
                    if person["cf"]
                    else None,
                    cui=f"CUI{n:05d}" if person["cui"] else None,
                    phone=person["phone"],
                ),
            )
        )
        rows: list[Any] = [
            PersonNote(person_id=ids[-1], level=NoteLevel.NORMAL, text=f"nota {i}")
            for i in range(person["notes"])
        ]
        rows += [_attachment(ids[-1], f"{c!r}.pdf", c) for c in person["scans"]]
        if rows:
            _add(db, admin, *rows)
    links = [
        HouseholdLink(
            person_id=ids[i], relative_id=ids[j], relation=HouseholdRelation.OTHER_RELATIVE
        )
        for i, j in scenario["links"]
    ]
    pairs = [_not_same(ids[i], ids[j]) for i, j in scenario["not_same"]]
    if links or pairs:
        _add(db, admin, *links, *pairs)
    before = snapshot(db)
    try:
        result = _merge(db, admin, ids[0], ids[1], field_choices=scenario["choices"])
    except ValidationError:
        # A combination the person form refuses (say, born after the chosen intake date).
        event("merge refused by validation")
        assert snapshot(db) == before
        return
    event("merged")
    assert snapshot(db) != before
    _undo(db, admin, result.audit_id)
    assert snapshot(db) == before
