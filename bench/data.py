"""Bench input data, generated inside the run's temp folder: claims with valid resident IDs, classes CSVs."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import samples

LEVELS = ("intermediate", "advanced", "technician", "senior_technician")
STATUSES = ("certified", "certified", "certified", "completed_no_cert", "dropped")
OCCUPATIONS = ("焊工", "电工", "车工", "钳工", "数控车工", "化学检验员", "汽车维修工", "有色金属冶炼工")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
# Real county-level codes (GB/T 2260) of Gansu: 金川区, 永昌县 and the districts of Lanzhou.
REGIONS = ("620302", "620321", "620102", "620103", "620104", "620105", "620111", "620121", "620122", "620123")


def make_id(birth: date, serial: int, region: str = "620302") -> str:
    """A valid 18-digit resident ID (GB 11643 check digit), as tests/subsidy_calc/factories.py makes them."""
    return samples.make_id(region, birth, serial)


def claim_document(n_classes: int, per_class: int, seed: int = 6, stage: str = "settlement",
                   ruleset_id: str = "jinchang-2024") -> dict[str, Any]:
    """A claim file document (docs/claim-file.md) with n_classes × per_class apprentices on the roster.

    Class counts are left at 0 so the engine counts outcomes from the roster, as for an imported roster.
    """
    rng = random.Random(seed)
    classes = []
    roster = []
    for c in range(n_classes):
        class_id = f"B{c + 1:04d}"
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 180))
        end = start + timedelta(days=rng.choice((364, 729)))
        classes.append({
            "class_id": class_id, "occupation": rng.choice(OCCUPATIONS), "level": rng.choice(LEVELS),
            "apprentice_type": "employee", "start_date": start.isoformat(), "end_date": end.isoformat(),
            "planned": per_class, "certified": 0, "completed_no_cert": 0, "dropped": 0, "in_training": 0,
            "cost_per_person": None, "shortage": rng.random() < 0.1,
            "advance_paid": f"{per_class * 2000}.00" if rng.random() < 0.8 else None,
        })
        for p in range(per_class):
            serial = c * per_class + p
            # unique for up to 160,000 people: region and the 3-digit serial from the index, and the birth
            # date's day count modulo 16 from the index's ten-thousands
            birth = date(1975, 1, 1) + timedelta(days=serial // 10_000 + 16 * rng.randrange(0, 560))
            status = rng.choice(STATUSES)
            roster.append({
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                "id_number": make_id(birth, serial, region=REGIONS[(serial // 1000) % len(REGIONS)]),
                "class_id": class_id, "status": status,
                "certificate_no": f"Z{serial:08d}" if status == "certified" else "",
                "contract_start": "2022-01-01", "contract_end": "2027-12-31",
            })
    return {
        "format": "subsidy-claim", "format_version": 1, "app_version": "bench", "saved_at": "2026-01-01T00:00:00+00:00",
        "claim": {
            "enterprise": {"name": "金昌某有色金属有限公司", "credit_code": "", "bank": "", "account": "",
                           "contact": "", "phone": ""},
            "institution": {"name": "金昌市某职业技能培训学校", "code": "", "contact": ""},
            "ruleset_id": ruleset_id, "stage": stage, "claim_date": "2025-03-10",
            "classes": classes, "roster": roster,
        },
    }


def write_claim_file(path: Path, n_classes: int, per_class: int, seed: int = 6) -> Path:
    path.write_text(json.dumps(claim_document(n_classes, per_class, seed), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path

