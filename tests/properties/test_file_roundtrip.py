"""Saving then loading gives the same claim: the JSON document and the file on disk."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from subsidy_calc.claim_file import claim_from_dict, claim_to_dict, load_claim, save_claim
from subsidy_calc.models import Claim

from .strategies import claims

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(claims())
def test_dict_roundtrip(claim: Claim) -> None:
    document = claim_to_dict(claim)
    for training_class in document["claim"]["classes"]:  # money is written as strings, never JSON numbers
        for key in ("cost_per_person", "advance_paid"):
            assert training_class[key] is None or isinstance(training_class[key], str)
    assert claim_from_dict(json.loads(json.dumps(document, ensure_ascii=False))) == claim


@SETTINGS
@given(claims())
def test_save_load_roundtrip(claim: Claim) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "申请.subsidy.json"
        save_claim(path, claim)
        loaded = load_claim(path)
        assert loaded == claim
        save_claim(path, loaded)  # and again: saving what was loaded changes nothing in the claim
        assert load_claim(path) == claim
        assert [p.name for p in Path(tmp).iterdir()] == [path.name]

