"""The printable forms: what ``tit-desktop form --list`` shows and the window offers.

Only names, titles and languages live here; the services load the person and fill each
form's data, and each form's module renders it. No database code.
"""

from __future__ import annotations

from dataclasses import dataclass

from tit_desktop.reports import (
    canteen,
    hosting_forms,
    housing_forms,
    pathway_forms,
    registration_form,
    street_summary,
    timesheet,
)

__all__ = ["FORMS", "SELECTORS", "FormSpec", "Selector", "get_form", "list_forms"]


@dataclass(frozen=True)
class Selector:
    """What a form is about, as the command line asks for it: ``form NAME --alloggio A``.

    ``key`` is the name the services receive the value under; ``flag`` the option;
    ``metavar`` how the value is written in the help; ``label`` the Italian name of the field
    in messages ("manca l'alloggio")."""

    key: str
    flag: str
    metavar: str
    label: str
    help: str


SELECTORS: dict[str, Selector] = {
    s.key: s
    for s in (
        Selector("person", "--person", "CODICE", "persona", "il Codice della persona"),
        Selector("alloggio", "--alloggio", "A", "alloggio", "il nome dell'alloggio"),
        Selector("month", "--month", "mm/yyyy", "mese", "il mese, per esempio 03/2026"),
        Selector("convention", "--convention", "C", "convenzione", "la sigla della convenzione"),
        Selector("family", "--family", "F", "famiglia", "il nome della famiglia ospitante"),
        Selector("date", "--date", "dd/mm/yyyy", "data", "il giorno, per esempio 28/11/2026"),
        Selector("course", "--course", "CORSO", "corso", "il titolo del corso"),
        Selector("number", "--number", "N", "numero", "il numero del documento"),
        Selector("staff", "--staff", "NOME", "operatore", "l'operatore, come «Cognome Nome»"),
        Selector(
            "kinds",
            "--kinds",
            "TIPO,TIPO",
            "tipi di evento",
            "i tipi di evento da stampare, separati da virgole (per esempio pathways,plan)",
        ),
        Selector("meal", "--meal", "PASTO", "pasto", "colazione, pranzo o cena"),
    )
}
"""Every selector any form takes. An area adds its own here (one line) with its form."""


@dataclass(frozen=True)
class FormSpec:
    """A printable form: ``name`` as typed on the command line, ``title`` as printed,
    ``languages`` it can be printed in (Italian always; others as a second language),
    ``selectors`` the keys of :data:`SELECTORS` it needs (all required unless listed in
    ``optional``)."""

    name: str
    title: str
    languages: tuple[str, ...] = ("it",)
    selectors: tuple[str, ...] = ("person",)
    optional: tuple[str, ...] = ()

    def usage(self) -> str:
        """ "--alloggio A --month mm/yyyy [--date dd/mm/yyyy]": how to ask for it."""
        parts = []
        for key in self.selectors:
            sel = SELECTORS[key]
            text = f"{sel.flag} {sel.metavar}"
            parts.append(f"[{text}]" if key in self.optional else text)
        if len(self.languages) > 1:
            parts.append(f"[--lang {'|'.join(self.languages)}]")
        return " ".join(parts)


FORMS: dict[str, FormSpec] = {
    spec.name: spec
    for spec in (
        FormSpec(
            name=registration_form.FORM_NAME,
            title=registration_form.FORM_TITLE,
            languages=registration_form.LANGUAGES,
        ),
        FormSpec(
            name=hosting_forms.AGREEMENT_FORM,
            title=hosting_forms.AGREEMENT_TITLE,
            selectors=("person", "family"),
            optional=("family",),
        ),
        FormSpec(
            name=hosting_forms.RECEIPT_FORM,
            title=hosting_forms.RECEIPT_TITLE,
            selectors=("family", "person", "month"),
        ),
        FormSpec(
            name=hosting_forms.PAYMENT_LIST_FORM,
            title=hosting_forms.PAYMENT_LIST_TITLE,
            selectors=("month",),
        ),
        FormSpec(
            name=street_summary.FORM_NAME,
            title=street_summary.FORM_TITLE,
            selectors=("month",),
        ),
        FormSpec(
            name=timesheet.FORM_NAME,
            title=timesheet.FORM_TITLE,
            selectors=("staff", "month", "convention"),
        ),
        FormSpec(housing_forms.AGREEMENT_NAME, housing_forms.AGREEMENT_TITLE),
        FormSpec(
            housing_forms.REGISTER_NAME,
            housing_forms.REGISTER_TITLE,
            selectors=("alloggio", "month"),
        ),
        FormSpec(
            housing_forms.TONIGHT_NAME,
            housing_forms.TONIGHT_TITLE,
            selectors=("date",),
            optional=("date",),
        ),
        FormSpec(name=pathway_forms.PLAN_FORM, title=pathway_forms.PLAN_TITLE),
        FormSpec(
            name=pathway_forms.CERTIFICATE_FORM,
            title=pathway_forms.CERTIFICATE_TITLE,
            selectors=("person", "course"),
        ),
        FormSpec(name=pathway_forms.AGREEMENT_FORM, title=pathway_forms.AGREEMENT_TITLE),
        FormSpec(
            name=pathway_forms.TIMELINE_FORM,
            title=pathway_forms.TIMELINE_TITLE,
            selectors=("person", "kinds"),
            optional=("kinds",),
        ),
        FormSpec(name=canteen.CARD_FORM, title="Tessera mensa (formato carta di credito)"),
        FormSpec(
            name=canteen.CARD_SHEET_FORM,
            title="Tessere mensa su foglio A4 con segni di taglio (attive, o rilasciate il giorno)",
            selectors=("date",),
            optional=("date",),
        ),
        FormSpec(
            name=canteen.SIGN_SHEET_FORM,
            title="Foglio firme della mensa (un pasto di un giorno)",
            selectors=("date", "meal"),
        ),
        FormSpec(
            name=canteen.REGISTER_FORM, title="Registro mensile della mensa", selectors=("month",)
        ),
    )
}


def list_forms() -> list[FormSpec]:
    """Every form, sorted by name."""
    return sorted(FORMS.values(), key=lambda spec: spec.name)


def get_form(name: str) -> FormSpec:
    """The form called ``name``; ``KeyError`` with an Italian message when there is none."""
    try:
        return FORMS[name]
    except KeyError:
        available = ", ".join(spec.name for spec in list_forms())
        raise KeyError(f"Modulo sconosciuto: {name!r} (disponibili: {available})") from None
