"""Loads the tables shipped in groundswell/geo/data/ into the database: used by migration 0002 and
`load_geography`. Takes the model classes as arguments so a migration can pass its historical models."""

import csv
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


def _number(text: str, kind: type = int) -> Any:
    return kind(text) if text else None


def _constituency_fields(row: dict[str, str]) -> dict[str, Any]:
    return {
        "name": row["name"],
        "name_cy": row["name_cy"],
        "region": row["region"],
        "country": row["country"],
        "centroid_lat": _number(row["lat"], float),
        "centroid_lng": _number(row["lon"], float),
        "electorate": _number(row["electorate"]),
        "valid_votes": _number(row["valid_votes"]),
        "majority": _number(row["majority"]),
        "majority_pct": _number(row["majority_pct"], float),
        "winner_party": row["winner_party"],
        "runner_up_party": row["runner_up_party"],
        "member_name": row["member_name"],
    }


def load_constituencies(model: Any) -> dict[str, int]:
    """Create or update every constituency; returns code -> id."""
    _upsert(model, {row["code"]: _constituency_fields(row) for row in _rows("constituencies.csv")})
    return dict(model.objects.values_list("code", "id"))


def load_districts(model: Any, constituency_ids: dict[str, int]) -> int:
    """Create or update every postcode district; returns how many the table holds."""
    rows = {
        row["district"]: {
            "lat": float(row["lat"]),
            "lng": float(row["lon"]),
            "n_postcodes": int(row["n_postcodes"]),
            "constituency_id": constituency_ids.get(row["constituency"]),
        }
        for row in _rows("districts.csv")
    }
    _upsert(model, rows)
    return len(rows)


def _upsert(model: Any, rows: dict[str, dict[str, Any]]) -> None:
    """Bulk create the new codes and bulk update the changed ones; a reload that changes nothing writes nothing."""
    existing = model.objects.in_bulk(list(rows), field_name="code")
    changed = [
        _assign(existing[code], values)
        for code, values in rows.items()
        if code in existing and _differs(existing[code], values)
    ]
    if changed:
        model.objects.bulk_update(changed, list(next(iter(rows.values()))), batch_size=100)
    model.objects.bulk_create(
        [model(code=code, **values) for code, values in rows.items() if code not in existing],
        batch_size=500,
    )


def _differs(obj: Any, values: dict[str, Any]) -> bool:
    return any(getattr(obj, name) != value for name, value in values.items())


def _assign(obj: Any, values: dict[str, Any]) -> Any:
    for name, value in values.items():
        setattr(obj, name, value)
    return obj


def load_geography(constituency_model: Any, district_model: Any) -> tuple[int, int]:
    ids = load_constituencies(constituency_model)
    return len(ids), load_districts(district_model, ids)
