"""Test data builders: valid ID numbers, classes, rosters and claims."""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench import samples
from subsidy_calc.enums import Outcome, SkillLevel, Stage
from subsidy_calc.models import Apprentice, Claim, TrainingClass


def make_id(birth: date, serial: int, region: str = "620302") -> str:
    """A valid 18-digit resident ID number (GB 11643 check digit) for a birth date and a serial 0-999."""
    return samples.make_id(region, birth, serial)


def make_class(class_id: str = "A01", **changes: object) -> TrainingClass:
    values: dict[str, object] = {
        "class_id": class_id,
        "occupation": "焊工",
        "level": SkillLevel.INTERMEDIATE,
        "start_date": date(2023, 3, 1),
        "end_date": date(2025, 2, 28),
        "planned": 20,
    }
    values.update(changes)
    return TrainingClass.model_validate(values)


def make_roster(class_id: str, statuses: list[Outcome], seed: int = 0) -> list[Apprentice]:
    rng = random.Random(seed)
    people = []
    for i, status in enumerate(statuses):
        birth = date(1985, 1, 1) + timedelta(days=rng.randrange(0, 5000))
        people.append(
            Apprentice(
                name=f"学徒{i:05d}", id_number=make_id(birth, i), class_id=class_id, status=status,
                certificate_no=f"Z{i:06d}" if status is Outcome.CERTIFIED else "",
                contract_start=date(2022, 1, 1), contract_end=date(2027, 12, 31),
            )
        )
    return people


def make_claim(classes: list[TrainingClass], stage: Stage = Stage.SETTLEMENT, ruleset_id: str = "jinchang-2024",
               roster: list[Apprentice] | None = None, claim_date: date = date(2025, 3, 10)) -> Claim:
    return Claim(ruleset_id=ruleset_id, stage=stage, claim_date=claim_date, classes=classes, roster=roster or [])
