"""The one place that finds files shipped inside the package (works from any folder)."""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

# The built-in exercise (db/scenario.py builds it; db/demo.py names its cached copy after it).
SCENARIO_FILE = ("scenario", "tacna_2025.json")


def resource(*parts: str) -> Traversable:
    """The shipped file ``resources/<parts...>``."""
    node = files("resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_json(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
