"""The "Scheda di iscrizione": a person's registration form with the consents.

Always in Italian; with ``lang="en"`` or ``"fr"`` every label also shows its translation
("Cognome / Surname") and the privacy notice is printed in both languages, so that the
person can read what they sign. The data come from the services as a plain
:class:`RegistrationData`; nothing here touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

from reportlab.platypus import Flowable, Paragraph

from tit_desktop.paths import resource_path
from tit_desktop.reports.pdf import (
    Letterhead,
    Markup,
    PdfTarget,
    Signature,
    bilingual_markup,
    build_pdf,
    checkbox_group,
    data_table,
    escape_text,
    field_table,
    fmt_date,
    markup_paragraph,
    paragraph,
    section_heading,
    signature_blocks,
    spacer,
)

__all__ = [
    "FORM_NAME",
    "FORM_TITLE",
    "LANGUAGES",
    "RegistrationData",
    "load_privacy_text",
    "render_registration_form",
]

FORM_NAME: Final = "scheda-iscrizione"
FORM_TITLE: Final = "Scheda di iscrizione"
#: Italian plus the second languages the form is translated into.
LANGUAGES: Final = ("it", "en", "fr")


@dataclass(frozen=True, kw_only=True)
class RegistrationData:
    """Everything the form prints, as plain values (``None`` or "" = not recorded, printed
    as a line to fill in by hand). Consents: ``None`` = not asked yet."""

    code: str
    last_name: str
    first_name: str
    sex: str | None = None
    birth_date: date | None = None
    birth_place: str = ""
    citizenship: str = ""
    fiscal_code: str = ""
    cui: str = ""
    permit_type: str = ""
    permit_reason: str = ""
    permit_number: str = ""
    permit_issuer: str = ""
    permit_issued_on: date | None = None
    permit_expires_on: date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    languages: str = ""
    education: str = ""
    employment: str = ""
    housing_ethos: str = ""
    disability: str = ""
    intake_date: date
    referring_body: str = ""
    reference_operator: str = ""
    household: tuple[tuple[str, str], ...] = ()
    consent_privacy: bool | None = None
    consent_privacy_date: date | None = None
    consent_photo: bool | None = None
    consent_photo_date: date | None = None
    consent_sharing: bool | None = None
    consent_sharing_date: date | None = None
    document_date: date

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


# Every text people read on the form: Italian, English, French.
_TEXTS: Final[dict[str, tuple[str, str, str]]] = {
    "title": ("Scheda di iscrizione", "Registration form", "Fiche d'inscription"),
    "code": ("Codice", "Code", "Code"),
    "personal": ("Dati anagrafici", "Personal details", "État civil"),
    "last_name": ("Cognome", "Surname", "Nom"),
    "first_name": ("Nome", "First name", "Prénom"),
    "sex": ("Sesso", "Sex", "Sexe"),
    "birth_date": ("Data di nascita", "Date of birth", "Date de naissance"),
    "birth_place": ("Luogo di nascita", "Place of birth", "Lieu de naissance"),
    "citizenship": ("Cittadinanza", "Citizenship", "Nationalité"),
    "fiscal_code": ("Codice fiscale", "Tax code", "Code fiscal"),
    "cui": (
        "CUI (codice unico di identificazione)",
        "CUI (unique identification code)",
        "CUI (code unique d'identification)",
    ),
    "permit": ("Documento di soggiorno", "Residence permit", "Titre de séjour"),
    "permit_type": ("Tipo di documento", "Type of document", "Type de document"),
    "permit_reason": ("Motivo del soggiorno", "Reason for stay", "Motif du séjour"),
    "permit_number": ("Numero", "Number", "Numéro"),
    "permit_issuer": ("Rilasciato da", "Issued by", "Délivré par"),
    "permit_issued_on": ("Data di rilascio", "Date of issue", "Date de délivrance"),
    "permit_expires_on": ("Data di scadenza", "Expiry date", "Date d'expiration"),
    "contacts": ("Recapiti e lingue", "Contacts and languages", "Coordonnées et langues"),
    "phone": ("Telefono", "Phone", "Téléphone"),
    "email": ("E-mail", "E-mail", "Courriel"),
    "address": ("Indirizzo", "Address", "Adresse"),
    "languages": ("Lingue parlate", "Languages spoken", "Langues parlées"),
    "intake": (
        "Situazione al momento della presa in carico",
        "Situation at intake",
        "Situation lors de la prise en charge",
    ),
    "intake_date": ("Data di presa in carico", "Intake date", "Date de prise en charge"),
    "referring_body": ("Ente inviante", "Referring organisation", "Organisme d'orientation"),
    "reference_operator": (
        "Operatore di riferimento",
        "Reference worker",
        "Intervenant référent",
    ),
    "education": ("Titolo di studio", "Education", "Niveau d'études"),
    "employment": ("Condizione occupazionale", "Employment status", "Situation professionnelle"),
    "housing_ethos": (
        "Situazione abitativa (ETHOS)",
        "Housing situation (ETHOS)",
        "Situation de logement (ETHOS)",
    ),
    "disability": ("Disabilità", "Disability", "Handicap"),
    "household": ("Nucleo familiare", "Household", "Composition du foyer"),
    "member_name": ("Nome e cognome", "Full name", "Prénom et nom"),
    "member_relation": ("Relazione", "Relationship", "Lien de parenté"),
    "consents": ("Consensi", "Consents", "Consentements"),
    "consent": ("Consenso", "Consent", "Consentement"),
    "answer": ("Risposta", "Answer", "Réponse"),
    "date": ("Data", "Date", "Date"),
    "yes": ("Sì", "Yes", "Oui"),
    "no": ("No", "No", "Non"),
    "consent_privacy": (
        "Trattamento dei dati personali come descritto nell'informativa",
        "Processing of personal data as described in the privacy notice",
        "Traitement des données personnelles comme décrit dans la notice d'information",
    ),
    "consent_photo": (
        "Fotografie e riprese per documentare le attività del programma",
        "Photographs and video recordings to document the programme's activities",
        "Photos et vidéos pour documenter les activités du programme",
    ),
    "consent_sharing": (
        "Comunicazione dei dati agli enti partner e ai servizi coinvolti nel percorso",
        "Sharing of data with partner organisations and services involved in the pathway",
        "Communication des données aux organismes partenaires et aux services du parcours",
    ),
    "declaration": (
        "La persona beneficiaria dichiara che i dati riportati sono corretti e di aver "
        "ricevuto l'informativa sul trattamento dei dati personali.",
        "The beneficiary declares that the data above are correct and that they have "
        "received the privacy notice.",
        "La personne bénéficiaire déclare que les données ci-dessus sont exactes et "
        "qu'elle a reçu la notice d'information sur le traitement des données.",
    ),
    "beneficiary": ("La persona beneficiaria", "The beneficiary", "La personne bénéficiaire"),
    "operator": (
        "L'operatore di riferimento",
        "The reference worker",
        "L'intervenant référent",
    ),
    "place_date": ("Luogo e data", "Place and date", "Lieu et date"),
    "privacy": ("Informativa privacy", "Privacy notice", "Protection des données"),
}
_LANG_INDEX: Final = {lang: index for index, lang in enumerate(LANGUAGES)}


class _Texts:
    """Labels for one second language ("it" = Italian only)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._index = _LANG_INDEX[lang]

    def plain(self, key: str) -> str:
        italian, *_ = _TEXTS[key]
        if self.lang == "it":
            return italian
        return f"{italian} / {_TEXTS[key][self._index]}"

    def markup(self, key: str) -> Markup:
        italian = _TEXTS[key][0]
        translation = _TEXTS[key][self._index] if self.lang != "it" else None
        return bilingual_markup(italian, translation)

    def para(self, key: str, style_name: str = "label") -> Paragraph:
        return markup_paragraph(self.markup(key), style_name)


def _answer(texts: _Texts, given: bool | None) -> Paragraph:
    return checkbox_group(
        [(texts.markup("yes"), given is True), (texts.markup("no"), given is False)]
    )


@cache
def load_privacy_text(lang: str) -> tuple[str, tuple[str, ...]]:
    """The privacy notice for a language: ``(title, paragraphs)`` from
    ``resources/texts/privacy_<lang>.txt`` (first line = title, blank lines between
    paragraphs; a paragraph may open with a ``**bold lead-in**``)."""
    if lang not in _LANG_INDEX:
        raise ValueError(f"Lingua non prevista: {lang!r}")
    raw = resource_path("texts", f"privacy_{lang}.txt").read_text(encoding="utf-8")
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", raw.strip())]
    title, *paragraphs = [block for block in blocks if block]
    return title, tuple(paragraphs)


_LEAD_IN = re.compile(r"^\*\*(?P<lead>.+?)\*\*\s*(?P<rest>.*)$", re.DOTALL)


def _privacy_flowables(lang: str) -> list[Flowable]:
    title, paragraphs = load_privacy_text(lang)
    story: list[Flowable] = [paragraph(title, "subheading")]
    for text in paragraphs:
        match = _LEAD_IN.match(text)
        if match:
            markup = f"<b>{escape_text(match['lead'])}</b> {escape_text(match['rest'])}"
        else:
            markup = escape_text(text)
        story.append(markup_paragraph(markup, "small_justified"))
        story.append(spacer(1.2))
    return story


def _fields(texts: _Texts, rows: Sequence[tuple[str, str | None]]) -> Flowable:
    return field_table([(texts.para(key), value) for key, value in rows])


def _story(data: RegistrationData, texts: _Texts) -> list[Flowable]:
    story: list[Flowable] = [
        section_heading(texts.para("personal", "heading")),
        _fields(
            texts,
            [
                ("last_name", data.last_name),
                ("first_name", data.first_name),
                ("sex", data.sex),
                ("birth_date", fmt_date(data.birth_date)),
                ("birth_place", data.birth_place),
                ("citizenship", data.citizenship),
                ("fiscal_code", data.fiscal_code),
                ("cui", data.cui),
            ],
        ),
        section_heading(texts.para("permit", "heading")),
        _fields(
            texts,
            [
                ("permit_type", data.permit_type),
                ("permit_reason", data.permit_reason),
                ("permit_number", data.permit_number),
                ("permit_issuer", data.permit_issuer),
                ("permit_issued_on", fmt_date(data.permit_issued_on)),
                ("permit_expires_on", fmt_date(data.permit_expires_on)),
            ],
        ),
        section_heading(texts.para("contacts", "heading")),
        _fields(
            texts,
            [
                ("phone", data.phone),
                ("email", data.email),
                ("address", data.address),
                ("languages", data.languages),
            ],
        ),
        section_heading(texts.para("intake", "heading")),
        _fields(
            texts,
            [
                ("intake_date", fmt_date(data.intake_date)),
                ("referring_body", data.referring_body),
                ("reference_operator", data.reference_operator),
                ("education", data.education),
                ("employment", data.employment),
                ("housing_ethos", data.housing_ethos),
                ("disability", data.disability),
            ],
        ),
        section_heading(texts.para("household", "heading")),
    ]
    # An empty household leaves two lines to fill in by hand.
    members = data.household or (("", ""), ("", ""))
    story.append(
        data_table(
            [texts.markup("member_name"), texts.markup("member_relation")],
            [(name, relation) for name, relation in members],
            col_weights=(3, 2),
            blank=True,
        )
    )

    consents = (
        ("consent_privacy", data.consent_privacy, data.consent_privacy_date),
        ("consent_photo", data.consent_photo, data.consent_photo_date),
        ("consent_sharing", data.consent_sharing, data.consent_sharing_date),
    )
    story.append(section_heading(texts.para("consents", "heading")))
    story.append(
        data_table(
            [texts.markup("consent"), texts.markup("answer"), texts.markup("date")],
            [
                (texts.markup(key), _answer(texts, given), fmt_date(when))
                for key, given, when in consents
            ],
            col_weights=(6, 2.4, 1.6),
            blank=True,
            zebra=False,
        )
    )

    story.append(section_heading(texts.para("privacy", "heading")))
    story.extend(_privacy_flowables("it"))
    if texts.lang != "it":
        story.append(spacer(2))
        story.extend(_privacy_flowables(texts.lang))

    story.append(spacer(3))
    declaration = texts.para("declaration", "body")
    declaration.keepWithNext = 1  # never separated from the signatures
    story.append(declaration)
    story.append(
        signature_blocks(
            [
                Signature(texts.markup("beneficiary"), data.full_name),
                Signature(texts.markup("operator"), data.reference_operator or None),
            ],
            place_date_label=texts.markup("place_date"),
        )
    )
    return story


def render_registration_form(
    data: RegistrationData,
    out: PdfTarget,
    lang: str = "it",
    letterhead: Letterhead | None = None,
) -> None:
    """Write the registration form of one person as PDF to ``out`` (path or stream).

    ``lang`` is the second language next to Italian: "it" (none), "en" or "fr".
    """
    if lang not in _LANG_INDEX:
        raise ValueError(
            f"Lingua non prevista per la scheda di iscrizione: {lang!r} "
            f"(disponibili: {', '.join(LANGUAGES)})"
        )
    texts = _Texts(lang)
    build_pdf(
        out,
        f"{FORM_TITLE} - {data.code}",
        _story(data, texts),
        heading=texts.plain("title"),
        subtitle=f"{texts.plain('code')}: {data.code}",
        letterhead=letterhead,
        document_date=data.document_date,
        subject=FORM_TITLE,
        keywords=(FORM_NAME, data.code),
    )
