"""How a claim file is recognised by its name: no models imported, so the window's start can ask it cheaply."""

from __future__ import annotations

from pathlib import Path

CLAIM_FILE_SUFFIX = ".json"  # saved as *.subsidy.json; any case (Windows users see CLAIM.SUBSIDY.JSON too)


def is_claim_file(path: Path | str) -> bool:
    """A claim file is recognised by its extension, whatever its case."""
    return str(path).lower().endswith(CLAIM_FILE_SUFFIX)
