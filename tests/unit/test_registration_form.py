"""The "Scheda di iscrizione" and the forms registry, read back from the PDF with pypdf.

The golden file holds the form's extracted text for a fixed person; after a deliberate
layout or wording change, regenerate it as tests/golden.py says (the regenerating run
fails) and review the diff.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from tests.golden import assert_matches_golden
from tit_desktop.reports.forms import FORMS, FormSpec, get_form, list_forms
from tit_desktop.reports.pdf import BLANK, Letterhead
from tit_desktop.reports.registration_form import (
    LANGUAGES,
    RegistrationData,
    load_privacy_text,
    render_registration_form,
)

NAMES = ("Şükrü Gündoğdu", "Nguyễn Thị Hoa", "Ольга Коваленко", "Niccolò D'Angelo")


def _person(**overrides: object) -> RegistrationData:
    data = RegistrationData(
        code="B-0042",
        last_name="Gündoğdu",
        first_name="Şükrü",
        sex="M",
        birth_date=date(1990, 3, 14),
        birth_place="Casablanca (Marocco)",
        citizenship="Marocco",
        fiscal_code="GNDSKR90C14Z330X",
        cui="0123456789",
        permit_type="Permesso di soggiorno",
        permit_reason="Protezione speciale",
        permit_number="I12345678",
        permit_issuer="Questura di Ancona",
        permit_issued_on=date(2025, 1, 10),
        permit_expires_on=date(2027, 1, 9),
        phone="+39 333 1234567",
        email="sukru@example.org",
        address="Via Marconi 12, 60125 Ancona (AN)",
        languages="Arabo, francese, italiano (A2)",
        education="ISCED 3 - Secondaria superiore",
        employment="Disoccupato",
        housing_ethos="3 - Struttura per persone senza dimora",
        disability="No",
        intake_date=date(2026, 11, 2),
        referring_body="Caritas Diocesana",
        reference_operator="Ольга Коваленко",
        household=(("Nguyễn Thị Hoa", "Coniuge"), ("Niccolò D'Angelo", "Figlio")),
        consent_privacy=True,
        consent_privacy_date=date(2026, 11, 2),
        consent_photo=False,
        consent_photo_date=date(2026, 11, 3),
        consent_sharing=None,
        consent_sharing_date=None,
        document_date=date(2026, 11, 25),
    )
    return dataclasses.replace(data, **overrides)  # type: ignore[arg-type]


def _minimal() -> RegistrationData:
    return RegistrationData(
        code="B-0001",
        last_name="Rossi",
        first_name="Maria",
        intake_date=date(2026, 1, 5),
        document_date=date(2026, 1, 7),
    )


def _render(data: RegistrationData, lang: str = "it", **kwargs: object) -> list[str]:
    """The form's pages as text, whitespace runs collapsed to single spaces."""
    buffer = BytesIO()
    render_registration_form(data, buffer, lang=lang, **kwargs)  # type: ignore[arg-type]
    reader = pypdf.PdfReader(BytesIO(buffer.getvalue()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# --------------------------------------------------------------------------- content


def test_italian_form_prints_sections_labels_and_values() -> None:
    pages = _render(_person())
    text = " ".join(pages)
    for expected in (
        "Comune di Ancona",
        "Scheda di iscrizione",
        "Codice: B-0042",
        "Ancona, 25/11/2026",
        "Dati anagrafici",
        "Cognome Gündoğdu",
        "Nome Şükrü",
        "Sesso M",
        "Data di nascita 14/03/1990",
        "Luogo di nascita Casablanca (Marocco)",
        "Cittadinanza Marocco",
        "Codice fiscale GNDSKR90C14Z330X",
        "Documento di soggiorno",
        "Motivo del soggiorno Protezione speciale",
        "Rilasciato da Questura di Ancona",
        "Data di rilascio 10/01/2025",
        "Data di scadenza 09/01/2027",
        "Recapiti e lingue",
        "Telefono +39 333 1234567",
        "Lingue parlate Arabo, francese, italiano (A2)",
        "Situazione al momento della presa in carico",
        "Data di presa in carico 02/11/2026",
        "Ente inviante Caritas Diocesana",
        "Operatore di riferimento Ольга Коваленко",
        "Titolo di studio ISCED 3 - Secondaria superiore",
        "Situazione abitativa (ETHOS) 3 - Struttura per persone senza dimora",
        "Nucleo familiare",
        "Nguyễn Thị Hoa Coniuge",
        "Niccolò D'Angelo Figlio",
        "Consensi",
        "Informativa sul trattamento dei dati personali",
        "La persona beneficiaria",
        "L'operatore di riferimento",
        "Luogo e data",
    ):
        assert expected in text, expected
    assert "None" not in text
    # Italian only: no translated label, no second privacy notice
    assert "Surname" not in text
    assert "Privacy notice" not in text
    assert "Notice d'information" not in text


def test_names_in_every_script() -> None:
    data = _person(
        last_name="Gündoğdu",
        first_name="Şükrü",
        reference_operator=NAMES[2],
        household=tuple((name, "Familiare") for name in NAMES),
    )
    text = " ".join(_render(data))
    for name in NAMES:
        assert name in text, name
    # the beneficiary's name under the signature line, the operator's under the other
    assert "La persona beneficiaria Şükrü Gündoğdu Luogo e data" in text
    assert "L'operatore di riferimento Ольга Коваленко Luogo e data" in text


def test_consents_are_ticked_as_recorded() -> None:
    text = " ".join(_render(_person()))
    privacy = "Trattamento dei dati personali come descritto nell'informativa"
    photo = "Fotografie e riprese per documentare le attività del programma"
    assert f"{privacy} ☒ Sì ☐ No 02/11/2026" in text
    assert f"{photo} ☐ Sì ☒ No 03/11/2026" in text
    # not asked yet: both boxes empty, the date left to fill in
    assert f"coinvolti nel percorso ☐ Sì ☐ No {BLANK}" in text


def test_missing_values_print_blank_lines() -> None:
    pages = _render(_minimal())
    text = " ".join(pages)
    assert "Cognome Rossi Nome Maria" in text
    for label in (
        "Sesso",
        "Data di nascita",
        "Luogo di nascita",
        "Cittadinanza",
        "Codice fiscale",
        "Numero",
        "Data di scadenza",
        "Telefono",
        "E-mail",
        "Indirizzo",
        "Ente inviante",
        "Disabilità",
    ):
        assert f"{label} {BLANK}" in text, label
    assert "Data di presa in carico 05/01/2026" in text
    # an empty household leaves two rows to fill in; consents not asked: no box ticked
    assert f"Relazione {BLANK} {BLANK} {BLANK} {BLANK} Consensi" in text
    assert "☒" not in text
    assert text.count("☐ Sì ☐ No") == 3
    assert "None" not in text
    # no operator yet: the line under the operator's signature stays empty
    assert "L'operatore di riferimento Luogo e data" in text


def test_user_data_is_escaped() -> None:
    text = " ".join(
        _render(_person(address="Via <b>& Marconi 12", permit_issuer="Questura <di> Ancona"))
    )
    assert "Indirizzo Via <b>& Marconi 12" in text
    assert "Rilasciato da Questura <di> Ancona" in text


@pytest.mark.parametrize(
    ("lang", "labels", "privacy_title"),
    [
        (
            "en",
            (
                "Scheda di iscrizione / Registration form",
                "Codice / Code: B-0042",
                "Dati anagrafici / Personal details",
                "Cognome / Surname Gündoğdu",
                "Data di nascita / Date of birth 14/03/1990",
                "Documento di soggiorno / Residence permit",
                "Nucleo familiare / Household",
                "Consensi / Consents",
                "☒ Sì / Yes ☐ No 02/11/2026",
                "La persona beneficiaria / The beneficiary",
                "Luogo e data / Place and date",
            ),
            "Privacy notice on the processing of personal data",
        ),
        (
            "fr",
            (
                "Scheda di iscrizione / Fiche d'inscription",
                "Codice / Code: B-0042",
                "Dati anagrafici / État civil",
                "Cognome / Nom Gündoğdu",
                "Nome / Prénom Şükrü",
                "Data di nascita / Date de naissance 14/03/1990",
                "Documento di soggiorno / Titre de séjour",
                "Nucleo familiare / Composition du foyer",
                "Consensi / Consentements",
                "☒ Sì / Oui ☐ No / Non 02/11/2026",
                "La persona beneficiaria / La personne bénéficiaire",
                "Luogo e data / Lieu et date",
            ),
            "Notice d'information sur le traitement des données personnelles",
        ),
    ],
)
def test_second_language(lang: str, labels: tuple[str, ...], privacy_title: str) -> None:
    text = " ".join(_render(_person(), lang=lang))
    for label in labels:
        assert label in text, label
    # the privacy notice in Italian and in the second language
    assert "Informativa sul trattamento dei dati personali" in text
    assert privacy_title in text
    assert text.index("Informativa sul trattamento") < text.index(privacy_title)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="ar"):
        render_registration_form(_person(), BytesIO(), lang="ar")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_texts_exist_and_are_printable(lang: str) -> None:
    title, paragraphs = load_privacy_text(lang)
    assert "2016/679" in title
    assert len(paragraphs) >= 6
    assert all(paragraph.strip() for paragraph in paragraphs)
    text = " ".join(_render(_person(), lang=lang))
    assert title in text
    # the last sentence of the translated notice made it onto the page
    last_words = " ".join(paragraphs[-1].split()[-4:])
    assert last_words in text


def test_long_household_overflows_with_correct_page_numbers() -> None:
    # GIVEN a household long enough to push the form onto several pages
    members = tuple((f"Familiare numero {i:02d}", "Parente") for i in range(60))
    pages = _render(_person(household=members), lang="en")
    # THEN every page has the letterhead and "Pagina n di N" with the right total
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Pagina {number} di {len(pages)}" in text
        assert "Comune di Ancona" in text
        assert "Tessiture Integrate Urbane" in text
    everything = " ".join(pages)
    for i in range(60):
        assert everything.count(f"Familiare numero {i:02d} Parente") == 1


def test_cup_line_when_the_letterhead_has_one() -> None:
    with_cup = _render(_person(), letterhead=Letterhead(cup="D31B19000520001"))
    assert all("CUP: D31B19000520001" in page for page in with_cup)
    without = _render(_person())
    assert not any("CUP" in page for page in without)


def test_pdf_metadata(tmp_path: Path) -> None:
    out = tmp_path / "scheda.pdf"
    render_registration_form(_person(), out)
    metadata = pypdf.PdfReader(out).metadata
    assert metadata is not None
    assert metadata.title == "Scheda di iscrizione - B-0042"
    assert metadata.author == "Comune di Ancona - TIT Desktop"
    assert metadata.subject == "Scheda di iscrizione"
    # names stay out of the metadata (file previews, indexes)
    assert "Gündoğdu" not in str(dict(metadata))


# --------------------------------------------------------------------------- golden file

_TIMESTAMP = re.compile(r"Stampato il \d{2}/\d{2}/\d{4} alle \d{2}:\d{2}")


def _golden_text(data: RegistrationData, lang: str) -> str:
    buffer = BytesIO()
    render_registration_form(data, buffer, lang=lang, letterhead=Letterhead(cup="D31B19000520001"))
    reader = pypdf.PdfReader(BytesIO(buffer.getvalue()))
    out: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        out.append(f"===== pagina {number} =====")
        for line in page.extract_text().replace("\xa0", " ").splitlines():
            line = " ".join(line.split())
            if line:
                out.append(_TIMESTAMP.sub("Stampato il <data> alle <ora>", line))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_golden_text(lang: str) -> None:
    actual = _golden_text(_person(address="Via <b>& Marconi 12, 60125 Ancona (AN)"), lang)
    assert_matches_golden(actual, f"registration_form_{lang}.txt")


# --------------------------------------------------------------------------- registry


def test_forms_registry() -> None:
    spec = FORMS["scheda-iscrizione"]
    assert spec == FormSpec(
        name="scheda-iscrizione", title="Scheda di iscrizione", languages=("it", "en", "fr")
    )
    # Sorted by name; the areas' forms (the canteen's) are listed too.
    assert spec in list_forms()
    assert [f.name for f in list_forms()] == sorted(FORMS)
    assert get_form("scheda-iscrizione") is spec
    with pytest.raises(KeyError, match="scheda-iscrizione"):
        get_form("inesistente")
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.name = "altro"  # type: ignore[misc]
