"""The canteen's printed documents, read back: the card's QR decoded to its number, the A4
sheet's cards and cut marks, the sign sheet and the monthly register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from reportlab.lib.units import mm

from tit_desktop.models import MealType
from tit_desktop.reports import canteen as canteen_reports
from tit_desktop.services import canteen, clock, forms, persons
from tit_desktop.services.database import Database
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.permissions import Actor

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _text(path: Path) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages
    )


def _qr_codes(path: Path, page_index: int = 0, scale: float = 4) -> list[str]:
    document = pypdfium2.PdfDocument(path)
    try:
        image = document[page_index].render(scale=scale).to_pil()
    finally:
        document.close()
    return sorted(result.text for result in zxingcpp.read_barcodes(image))


def _person(db: Database, actor: Actor, code: str, last: str, first: str) -> int:
    data = persons.PersonInput(
        code=code, last_name=last, first_name=first, intake_date=dt.date(2026, 1, 1)
    )
    with db.transaction(actor) as session:
        return persons.create_person(session, actor, data).id


def _print(db: Database, actor: Actor, name: str, out: Path, **selection: str) -> None:
    with db.transaction(actor) as session:
        forms.print_document(session, actor, name, selection, out)


def test_the_card_is_credit_card_size_and_its_qr_reads_back(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    person = _person(db, admin, "TIU-00001", "Ndiaye", "Mamadou Moustapha Abdoulaye")
    with db.transaction(admin) as session:
        canteen.issue_card(session, admin, _person(db, admin, "TIU-00002", "Altro", "A"))
        card = canteen.issue_card(session, admin, person)
    out = tmp_path / "tessera.pdf"
    _print(db, admin, "tessera-mensa", out, person="TIU-00001")
    reader = pypdf.PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / mm, 1), round(float(box.height) / mm, 1)) == (85.6, 54.0)
    text = _text(out)
    assert "TESSERA MENSA" in text and "Ndiaye Mamadou Moustapha Abdoulaye" in text
    assert f"N. {card.code}" in text and "Valida dal 28/11/2026 al 27/11/2027" in text
    assert _qr_codes(out) == ["00000002"]


def test_the_a4_sheet_holds_eight_cards_per_page_with_readable_qr_codes(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with db.transaction(admin) as session:
        for i in range(12):
            data = persons.PersonInput(
                code=f"TIU-{i:05d}",
                last_name="Persona",
                first_name=f"N{i}",
                intake_date=dt.date(2026, 1, 1),
            )
            canteen.issue_card(session, admin, persons.create_person(session, admin, data).id)
    out = tmp_path / "tessere.pdf"
    _print(db, admin, "tessere-mensa", out)  # every active card
    issued = tmp_path / "rilasciate.pdf"  # the cards issued on the (real) day they were
    _print(db, admin, "tessere-mensa", issued, date=dt.datetime.now().strftime("%d/%m/%Y"))
    assert len(pypdf.PdfReader(issued).pages) == 2
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    assert _qr_codes(out, 0) == [f"{n:08d}" for n in range(1, 9)]
    assert _qr_codes(out, 1) == [f"{n:08d}" for n in range(9, 13)]
    assert "ritagliare lungo i segni" in _text(out)
    # Every card sits inside the page with room for its cut marks.
    for x, y in canteen_reports.card_positions():
        assert x > 10 * mm and y > 10 * mm
        assert x + canteen_reports.CARD_WIDTH < 200 * mm
        assert y + canteen_reports.CARD_HEIGHT < 287 * mm
    with pytest.raises(ValidationError, match="nessuna tessera"):
        _print(db, admin, "tessere-mensa", out, date="01/01/2026")


def test_sign_sheet_and_register(db: Database, admin: Actor, tmp_path: Path) -> None:
    _person(db, admin, "TIU-00001", "Rossi", "Mario")
    _person(db, admin, "TIU-00002", "Bianchi", "Anna")
    with db.transaction(admin) as session:
        for code, day, meal in (
            ("TIU-00001", dt.date(2026, 11, 3), MealType.LUNCH),
            ("TIU-00002", dt.date(2026, 11, 3), MealType.LUNCH),
            ("TIU-00001", dt.date(2026, 11, 4), MealType.DINNER),
        ):
            canteen.check_in(session, admin, code, day, meal)
    sheet = tmp_path / "firme.pdf"
    _print(db, admin, "foglio-firme-mensa", sheet, date="03/11/2026", meal="pranzo")
    text = _text(sheet)
    assert "Foglio firme mensa - Pranzo del 03/11/2026" in text
    assert "Pranzo del 03/11/2026: 2 pasti." in text
    assert "TIU-00001 Rossi Mario" in text and "TIU-00002 Bianchi Anna" in text
    assert "Firma dell'operatore" in text
    register = tmp_path / "registro.pdf"
    _print(db, admin, "registro-mensa", register, month="11/2026")
    text = _text(register)
    assert "Registro mensa - 11/2026" in text
    assert "Persone: 2. Pasti: 3 (colazioni 0, pranzi 2, cene 1)." in text
    assert "TIU-00002 Bianchi Anna 0 1 0 1" in text and "TIU-00001 Rossi Mario 0 1 1 2" in text
    assert "03/11/2026 0 2 0 2" in text and "04/11/2026 0 0 1 1" in text
    with pytest.raises(ValidationError, match="pasto «merenda»"):
        _print(db, admin, "foglio-firme-mensa", sheet, date="03/11/2026", meal="merenda")


def test_a_person_with_a_photo_has_it_on_the_desk_and_the_card(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    from PIL import Image

    from tit_desktop.services import attachments

    person = _person(db, admin, "TIU-00001", "Rossi", "Mario")
    photo = tmp_path / "foto.png"
    Image.new("RGB", (60, 80), (200, 120, 40)).save(photo)
    with db.transaction(admin) as session:
        attachments.attach_file(session, admin, person, photo, "foto")
        card = canteen.issue_card(session, admin, person)
    # Without the consent to photos, no photo is shown or printed.
    with db.transaction(admin) as session:
        assert not canteen.check_in(session, admin, card.code, meal=MealType.LUNCH).has_photo
        record = session.get(persons.Person, person)
        assert record is not None
        record.consent_photo = True
    with db.transaction(admin) as session:
        assert canteen.check_in(session, admin, card.code, meal=MealType.DINNER).has_photo
        assert canteen.photo_of(session, admin, person) == photo.read_bytes()
    out = tmp_path / "tessera.pdf"
    _print(db, admin, "tessera-mensa", out, person="TIU-00001")
    assert len(pypdf.PdfReader(out).pages[0].images) == 1
    assert _qr_codes(out) == [card.code]


def test_the_register_golden(db: Database, admin: Actor) -> None:
    from tests.golden import assert_matches_golden

    for i, (last, first) in enumerate((("Rossi", "Mario"), ("Bianchi", "Anna"), ("Çelik", "Ayşe"))):
        _person(db, admin, f"TIU-{i + 1:05d}", last, first)
    with db.transaction(admin) as session:
        for day in range(1, 11):
            for i in range(3):
                for meal in MealType:
                    if (day + i + len(meal.value)) % 3:
                        canteen.check_in(
                            session, admin, f"TIU-{i + 1:05d}", dt.date(2026, 11, day), meal
                        )
    with db.reading() as session:
        people = canteen.monthly_register(session, admin, 2026, 11)
        days = canteen.counts_by_day(session, admin, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    lines = ["Codice;Persona;Colazioni;Pranzi;Cene;Giorni"]
    lines += [
        f"{p.code};{p.name};{p.totals[MealType.BREAKFAST]};{p.totals[MealType.LUNCH]};"
        f"{p.totals[MealType.DINNER]};{p.days}"
        for p in people
    ]
    lines.append("Giorno;Colazioni;Pranzi;Cene;Totale")
    lines += [
        f"{d.day:%d/%m/%Y};{d.counts[MealType.BREAKFAST]};{d.counts[MealType.LUNCH]};"
        f"{d.counts[MealType.DINNER]};{d.total}"
        for d in days
    ]
    assert_matches_golden("\n".join(lines) + "\n", "canteen_register.csv")
