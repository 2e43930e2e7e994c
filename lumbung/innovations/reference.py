import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "themes.json"


def sync_themes(theme_model: Any) -> None:
    """Create or refresh the shipped tematik list; safe to run again."""
    with open(DATA, encoding="utf-8") as f:
        themes = json.load(f)["themes"]
    for position, row in enumerate(themes, start=1):
        theme_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "first_year": row["first_year"],
                "last_year": row["last_year"],
                "position": position,
            },
        )
