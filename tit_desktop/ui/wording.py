"""Texts with a number in them: the singular for one, the plural otherwise.

Italian is the source language and is shown without a .qm, so Qt's numerus forms
(``tr("%n persone", "", n)``) would need an Italian catalogue of their own just for this;
instead both forms go through ``tr()`` (so translators see them both) and are chosen here.
Italian, English and French all use the singular for 1 only (French also for 0: a
detail the office's translations can live with)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number(n: int) -> str:
    """An integer written the way the application's language writes it ("1.234")."""
    return QLocale().toString(n)


def plural(n: int, one: str, many: str) -> str:
    """``one`` when n is 1, ``many`` otherwise, with ``{n}`` replaced by the number:
    ``plural(n, self.tr("{n} persona"), self.tr("{n} persone"))``."""
    return (one if n == 1 else many).replace("{n}", number(n))
