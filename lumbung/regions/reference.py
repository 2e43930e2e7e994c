"""Load the shipped reference data (provinces, urusan) into the database; safe to run again."""

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
NATION_CODE = "00"


def read(name: str) -> dict[str, Any]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
        return data


def sync_reference_data(region_model: Any, urusan_model: Any) -> None:
    """Create or refresh the nation, the 38 provinces and the urusan list.

    Takes the model classes so a data migration can pass its historical models.
    """
    nation, _ = region_model.objects.update_or_create(
        code=NATION_CODE, defaults={"name": "Indonesia", "kind": "nation", "timezone": "Asia/Jakarta"}
    )
    for province in read("provinces.json")["provinces"]:
        region_model.objects.update_or_create(
            code=province["code"],
            defaults={
                "name": province["name"],
                "kind": "province",
                "timezone": province["timezone"],
                "parent": nation,
            },
        )
    for position, row in enumerate(read("urusan.json")["urusan"], start=1):
        urusan_model.objects.update_or_create(
            name=row["name"], defaults={"category": row["category"], "position": position}
        )
