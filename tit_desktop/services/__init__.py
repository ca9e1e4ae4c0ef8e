"""Use cases: validation, permissions, audit, queries. No Qt here."""
