"""What every screen needs: the open database and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass

from tit_desktop.services.database import Database
from tit_desktop.services.permissions import Actor


@dataclass
class AppContext:
    db: Database
    actor: Actor
