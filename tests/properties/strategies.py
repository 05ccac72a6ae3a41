"""Hypothesis strategies: valid claims with classes and rosters (valid resident IDs), under any shipped rule set."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from subsidy_calc.enums import ApprenticeType, Outcome, SkillLevel, Stage
from subsidy_calc.models import Apprentice, Claim, Enterprise, TrainingClass, TrainingInstitution
from subsidy_calc.rule_loading import load_catalog
from tests.subsidy_calc.factories import make_id

CATALOG = load_catalog()
RULESET_IDS = sorted(CATALOG.rulesets)

# Letters and digits of any script (Chinese names included), no surrounding whitespace to be stripped.
words = st.text(st.characters(categories=("L", "N"), max_codepoint=0x9FFF), min_size=1, max_size=12)
money = st.decimals(min_value=0, max_value=Decimal("999999.99"), places=2, allow_nan=False, allow_infinity=False)


@st.composite
def apprentices(draw: st.DrawFn, class_id: str, size: int, offset: int = 0,
                latest_birth: date = date(2010, 12, 31)) -> list[Apprentice]:
    """People of one class; `offset` keeps ID serials apart between classes (one person in two overlapping
    classes is refused by the importer, though the claim model allows it)."""
    people = []
    for serial in range(offset, offset + size):
        birth = draw(st.dates(min_value=date(1960, 1, 1), max_value=latest_birth))
        status = draw(st.sampled_from(list(Outcome)))
        contract = draw(st.none() | st.tuples(st.dates(date(2018, 1, 1), date(2026, 1, 1)),
                                               st.integers(min_value=0, max_value=3000)))
        people.append(Apprentice(
            name=draw(words), id_number=make_id(birth, serial), class_id=class_id, status=status,
            certificate_no=draw(st.sampled_from(["", f"Z{serial:06d}"])),
            contract_start=contract[0] if contract else None,
            contract_end=contract[0] + timedelta(days=contract[1]) if contract else None,
        ))
    return people


@st.composite
def classes_with_rosters(draw: st.DrawFn, class_id: str, offset: int = 0,
                         adults: bool = False) -> tuple[TrainingClass, list[Apprentice]]:
    start = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=40 * 31))
    planned = draw(st.integers(min_value=1, max_value=60))
    # adults: 16 or older at any class start the strategy draws (the earliest is 2019-01-01)
    latest = date(2002, 12, 31) if adults else date(2010, 12, 31)
    roster = draw(apprentices(class_id, draw(st.integers(min_value=0, max_value=8)), offset, latest))
    counts = [0, 0, 0, 0]
    if not roster:
        counts = draw(st.lists(st.integers(min_value=0, max_value=planned), min_size=4, max_size=4))
    elif draw(st.booleans()):  # typed counts that agree with the roster are allowed too
        counts = [sum(1 for p in roster if p.status is o) for o in Outcome]
    training_class = TrainingClass(
        class_id=class_id, occupation=draw(words), level=draw(st.sampled_from(list(SkillLevel))),
        apprentice_type=draw(st.sampled_from(list(ApprenticeType))), start_date=start,
        end_date=start + timedelta(days=length), planned=planned,
        certified=counts[0], completed_no_cert=counts[1], dropped=counts[2], in_training=counts[3],
        cost_per_person=draw(st.none() | money), shortage=draw(st.booleans()), advance_paid=draw(st.none() | money),
    )
    return training_class, roster


@st.composite
def claims(draw: st.DrawFn, stages: tuple[Stage, ...] = tuple(Stage), adults: bool = False) -> Claim:
    n = draw(st.integers(min_value=1, max_value=3))
    pairs = [draw(classes_with_rosters(f"C{i}", offset=10 * i, adults=adults)) for i in range(n)]
    return Claim(
        enterprise=Enterprise(name=draw(words), bank=draw(words),
                              account=draw(st.from_regex(r"[0-9]{8,20}", fullmatch=True))),
        institution=TrainingInstitution(name=draw(words)),
        ruleset_id=draw(st.sampled_from(RULESET_IDS)), stage=draw(st.sampled_from(stages)),
        claim_date=draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2029, 12, 31))),
        classes=[c for c, _ in pairs], roster=[p for _, people in pairs for p in people],
    )
