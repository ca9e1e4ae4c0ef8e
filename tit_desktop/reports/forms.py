"""The printable forms: what ``tit-desktop form --list`` shows and the window offers.

Only names, titles and languages live here; the services load the person and fill each
form's data, and each form's module renders it. No database code.
"""

from __future__ import annotations

from dataclasses import dataclass

from tit_desktop.reports import registration_form

__all__ = ["FORMS", "FormSpec", "get_form", "list_forms"]


@dataclass(frozen=True)
class FormSpec:
    """A printable form: ``name`` as typed on the command line, ``title`` as printed,
    ``languages`` it can be printed in (Italian always; others as a second language)."""

    name: str
    title: str
    languages: tuple[str, ...] = ("it",)


FORMS: dict[str, FormSpec] = {
    spec.name: spec
    for spec in (
        FormSpec(
            name=registration_form.FORM_NAME,
            title=registration_form.FORM_TITLE,
            languages=registration_form.LANGUAGES,
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
