"""The printed documents of the Percorsi area: the individual plan for the person to sign,
the attestato di frequenza of a course, the tirocinio agreement (progetto di tirocinio) and
the person's timeline. The services give plain data (the dataclasses below); nothing here
touches the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable

from tit_desktop.reports.pdf import (
    Markup,
    PdfTarget,
    Signature,
    build_pdf,
    data_table,
    escape_text,
    field_table,
    fmt_date,
    fmt_eur,
    paragraph,
    section_heading,
    signature_blocks,
    spacer,
)

PLAN_FORM = "piano-individualizzato"
PLAN_TITLE = "Piano individualizzato"
CERTIFICATE_FORM = "attestato-frequenza"
CERTIFICATE_TITLE = "Attestato di frequenza"
AGREEMENT_FORM = "progetto-tirocinio"
AGREEMENT_TITLE = "Progetto di tirocinio di inclusione"
TIMELINE_FORM = "cronologia"
TIMELINE_TITLE = "Cronologia della persona"


# --- the individual plan -------------------------------------------------------------------


@dataclass(frozen=True)
class PlanActionLine:
    description: str
    responsible: str
    due_date: date | None
    status: str
    notes: str = ""


@dataclass(frozen=True)
class PlanGoalLine:
    domain: str
    description: str
    actions: tuple[PlanActionLine, ...] = ()


@dataclass(frozen=True)
class AssessmentLine:
    moment: str
    assessed_on: date
    scores: dict[str, int]


@dataclass(frozen=True)
class PlanDocument:
    person_code: str
    person_name: str
    entry_date: date
    exit_date: date | None
    operator: str
    actions: str
    domains: tuple[str, ...]
    goals: tuple[PlanGoalLine, ...] = ()
    reviews: tuple[tuple[date, str], ...] = ()
    assessments: tuple[AssessmentLine, ...] = ()
    document_date: date = field(default_factory=date.today)


def render_plan(doc: PlanDocument, out: PdfTarget) -> int:
    story: list[Flowable] = [
        field_table(
            [
                ("Persona", f"{doc.person_name} ({doc.person_code})"),
                ("Ingresso nel percorso", fmt_date(doc.entry_date)),
                ("Uscita", fmt_date(doc.exit_date) if doc.exit_date else "percorso in corso"),
                ("Operatore di riferimento", doc.operator),
                ("Azioni del percorso", doc.actions),
            ]
        ),
        section_heading("Obiettivi e azioni"),
    ]
    if not doc.goals:
        story.append(paragraph("Nessun obiettivo registrato."))
    for goal in doc.goals:
        story.append(paragraph(f"{goal.domain.capitalize()}: {goal.description}", "label"))
        if goal.actions:
            story.append(
                data_table(
                    ["Azione", "Responsabile", "Scadenza", "Stato", "Andamento"],
                    [
                        [a.description, a.responsible, fmt_date(a.due_date), a.status, a.notes]
                        for a in goal.actions
                    ],
                    col_weights=[3.2, 1.6, 1.1, 1.1, 2.4],
                )
            )
        else:
            story.append(spacer(2))
    if doc.assessments:
        story.append(section_heading("Autovalutazione dell'autonomia (da 1 a 5)"))
        story.append(
            data_table(
                ["Valutazione", *(d.capitalize() for d in doc.domains)],
                [
                    [
                        Markup(f"{escape_text(a.moment)}<br/>{fmt_date(a.assessed_on)}"),
                        *(str(a.scores[d]) for d in doc.domains),
                    ]
                    for a in doc.assessments
                ],
                col_weights=[1.0, *([1.0] * len(doc.domains))],
                right_aligned=range(1, 1 + len(doc.domains)),
            )
        )
    if doc.reviews:
        story.append(section_heading("Verifiche"))
        story.append(
            data_table(
                ["Data", "Verbale"],
                [[fmt_date(day), minutes] for day, minutes in doc.reviews],
                col_weights=[1, 6],
            )
        )
    story.append(spacer(6))
    story.append(
        paragraph(
            "La persona e l'operatore di riferimento condividono gli obiettivi e le azioni di "
            "questo piano e si impegnano a verificarli insieme."
        )
    )
    story.append(spacer(4))
    story.append(
        signature_blocks(
            [
                Signature("Firma della persona", doc.person_name),
                Signature("Firma dell'operatore di riferimento", doc.operator or None),
            ]
        )
    )
    return build_pdf(
        out,
        PLAN_TITLE,
        story,
        subtitle=f"{doc.person_name} - {doc.person_code}",
        document_date=doc.document_date,
        subject=f"{PLAN_TITLE} {doc.person_code}",
    )


# --- attestato di frequenza ----------------------------------------------------------------


@dataclass(frozen=True)
class CertificateDocument:
    person_code: str
    person_name: str
    birth_date: date | None
    birth_place: str
    course_title: str
    provider: str
    start_date: date
    end_date: date
    planned_hours: int
    held_minutes: int
    attended_minutes: int
    threshold: int
    document_date: date = field(default_factory=date.today)


def hours_text(minutes: int) -> str:
    """ "12 ore", "12 ore e 30 minuti"."""
    hours, rest = divmod(minutes, 60)
    text = f"{hours} {'ora' if hours == 1 else 'ore'}"
    return f"{text} e {rest} minuti" if rest else text


def render_certificate(doc: CertificateDocument, out: PdfTarget) -> int:
    share = round(100 * doc.attended_minutes / doc.held_minutes) if doc.held_minutes else 0
    born = ""
    if doc.birth_date:
        born = f", nata/o il {fmt_date(doc.birth_date)}"
        if doc.birth_place:
            born += f" a {doc.birth_place}"
    story: list[Flowable] = [
        spacer(6),
        paragraph("Si attesta che", "body"),
        paragraph(f"{doc.person_name}{born}", "subtitle"),
        paragraph(
            f"ha frequentato il corso «{doc.course_title}»"
            + (f" tenuto da {doc.provider}" if doc.provider else "")
            + f" dal {fmt_date(doc.start_date)} al {fmt_date(doc.end_date)}, per "
            f"{hours_text(doc.attended_minutes)} sulle {hours_text(doc.held_minutes)} di lezione "
            f"svolte ({share}% della frequenza; il corso prevede {doc.planned_hours} ore).",
        ),
        spacer(3),
        field_table(
            [
                ("Corso", doc.course_title),
                ("Ente", doc.provider),
                ("Periodo", f"dal {fmt_date(doc.start_date)} al {fmt_date(doc.end_date)}"),
                ("Ore frequentate", hours_text(doc.attended_minutes)),
                ("Frequenza", f"{share}% (soglia per l'attestato: {doc.threshold}%)"),
            ]
        ),
        spacer(10),
        signature_blocks([Signature("Il responsabile del servizio", None)]),
    ]
    return build_pdf(
        out,
        CERTIFICATE_TITLE,
        story,
        subtitle=f"{doc.person_name} - {doc.person_code}",
        document_date=doc.document_date,
        subject=f"{CERTIFICATE_TITLE} {doc.course_title}",
    )


# --- progetto di tirocinio -----------------------------------------------------------------


@dataclass(frozen=True)
class AgreementDocument:
    person_code: str
    person_name: str
    fiscal_code: str
    host: str
    host_address: str
    host_tax_code: str
    tutor: str
    operator: str
    start_date: date
    end_date: date
    monthly_hours: int
    monthly_indemnity: Decimal
    minimum_attendance: int
    objectives: str
    document_date: date = field(default_factory=date.today)


def indemnity_rule_text(monthly_indemnity: Decimal, monthly_hours: int, minimum: int) -> str:
    """The rule of the monthly indemnity as the agreement and the screen state it."""
    text = (
        f"L'indennità mensile è di {fmt_eur(monthly_indemnity)} per {monthly_hours} ore svolte "
        "nel mese; per meno ore è proporzionale alle ore svolte (ore svolte / ore previste), "
        "mai superiore a quella piena"
    )
    if minimum:
        text += f"; non spetta nei mesi con meno del {minimum}% delle ore previste"
    return text + "."


def render_agreement(doc: AgreementDocument, out: PdfTarget) -> int:
    story: list[Flowable] = [
        section_heading("Tirocinante"),
        field_table(
            [
                ("Cognome e nome", doc.person_name),
                ("Codice", doc.person_code),
                ("Codice fiscale", doc.fiscal_code),
            ]
        ),
        section_heading("Soggetto ospitante"),
        field_table(
            [
                ("Ente", doc.host),
                ("Sede", doc.host_address),
                ("Codice fiscale / Partita IVA", doc.host_tax_code),
                ("Tutor del soggetto ospitante", doc.tutor),
            ]
        ),
        section_heading("Tirocinio"),
        field_table(
            [
                ("Periodo", f"dal {fmt_date(doc.start_date)} al {fmt_date(doc.end_date)}"),
                ("Ore mensili previste", str(doc.monthly_hours)),
                ("Indennità mensile", fmt_eur(doc.monthly_indemnity)),
                ("Operatore di riferimento", doc.operator),
                ("Obiettivi", doc.objectives),
            ]
        ),
        paragraph(
            indemnity_rule_text(doc.monthly_indemnity, doc.monthly_hours, doc.minimum_attendance)
        ),
        paragraph(
            "Il tirocinio di inclusione non costituisce rapporto di lavoro. Le presenze sono "
            "registrate ogni mese dal tutor e comunicate all'operatore di riferimento."
        ),
        spacer(6),
        signature_blocks(
            [
                Signature("Il tirocinante", doc.person_name),
                Signature("Il soggetto ospitante", doc.host),
                Signature("Il soggetto promotore", doc.operator or None),
            ]
        ),
    ]
    return build_pdf(
        out,
        AGREEMENT_TITLE,
        story,
        subtitle=f"{doc.person_name} - {doc.person_code}",
        document_date=doc.document_date,
        subject=f"{AGREEMENT_TITLE} {doc.person_code}",
    )


# --- the person's timeline -----------------------------------------------------------------


@dataclass(frozen=True)
class TimelineLine:
    day: date
    until: date | None
    kind: str
    title: str
    detail: str


def render_timeline(
    person_code: str,
    person_name: str,
    lines: Sequence[TimelineLine],
    kinds: str,
    out: PdfTarget,
    document_date: date,
) -> int:
    story: list[Flowable] = [
        field_table([("Persona", f"{person_name} ({person_code})"), ("Eventi", kinds)]),
    ]
    if lines:
        story.append(
            data_table(
                ["Data", "Fino al", "Tipo", "Evento", "Dettagli"],
                [
                    [
                        fmt_date(x.day),
                        fmt_date(x.until) if x.until else "",
                        x.kind,
                        x.title,
                        x.detail,
                    ]
                    for x in lines
                ],
                col_weights=[1.1, 1.1, 1.3, 2.4, 3.4],
            )
        )
    else:
        story.append(paragraph("Nessun evento registrato."))
    return build_pdf(
        out,
        TIMELINE_TITLE,
        story,
        subtitle=f"{person_name} - {person_code}",
        document_date=document_date,
        subject=f"{TIMELINE_TITLE} {person_code}",
    )
