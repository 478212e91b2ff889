"""Words the command line prints about records, in the operator's language."""

from __future__ import annotations

from desktop.i18n import translate


def table_noun(table: str, n: int) -> str:
    """``sites`` → "1 site" / "3 sites" (the table's own name when unknown)."""
    one = {
        "sites": translate("CLI", "site"),
        "observations": translate("CLI", "observation"),
        "events": translate("CLI", "event"),
        "decrees": translate("CLI", "decree"),
        "milestones": translate("CLI", "milestone"),
        "voids": translate("CLI", "voiding"),
        "overlays": translate("CLI", "overlay"),
    }
    many = {
        "sites": translate("CLI", "sites"),
        "observations": translate("CLI", "observations"),
        "events": translate("CLI", "events"),
        "decrees": translate("CLI", "decrees"),
        "milestones": translate("CLI", "milestones"),
        "voids": translate("CLI", "voidings"),
        "overlays": translate("CLI", "overlays"),
    }
    return (one if n == 1 else many).get(table, table)


def record_counts(counts: dict[str, int]) -> str:
    """``{"sites": 5, "decrees": 2}`` → "5 sites, 2 decrees"."""
    return ", ".join(f"{n:,} {table_noun(table, n)}" for table, n in counts.items())
