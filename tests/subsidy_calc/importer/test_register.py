"""The double-claim register: salted hashes only, overlaps across claims, concurrency, schema version."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bench.samples import make_id
from subsidy_calc.app_dirs import ENV_DATA_DIR
from subsidy_calc.enums import Stage
from subsidy_calc.models import Apprentice, Claim, Enterprise, TrainingClass
from subsidy_calc.register import Register, RegisterError, default_path, overlap_warnings

A = make_id("110101", date(1995, 5, 17), 1)
B = make_id("110101", date(1996, 6, 18), 3)


def claim(class_id: str = "C1", start: date = date(2023, 3, 1), end: date = date(2025, 2, 28),
          stage: Stage = Stage.SETTLEMENT, people: tuple[str, ...] = (A, B), enterprise: str = "甲公司") -> Claim:
    return Claim(
        enterprise=Enterprise(name=enterprise), ruleset_id="jinchang-2024", stage=stage,
        classes=[TrainingClass(class_id=class_id, occupation="电工", level="中级工", start_date=start, end_date=end,
                               planned=len(people))],
        roster=[Apprentice(name=f"人{i}", id_number=p, class_id=class_id) for i, p in enumerate(people)])


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Register]:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    reg = Register()
    yield reg
    reg.close()


def test_location_from_env(register: Register, tmp_path: Path) -> None:
    assert register.path == tmp_path / "data" / "register.sqlite3" == default_path()


def test_ids_never_stored_in_clear(register: Register) -> None:
    register.record_claim(claim(), "claim-1")
    raw = register.path.read_bytes() + Path(str(register.path) + "-wal").read_bytes()
    assert A.encode() not in raw and A[:14].encode() not in raw
    assert register.person_key(A) != register.person_key(B)
    assert len(register.person_key(A)) == 64


def test_key_is_per_installation(tmp_path: Path) -> None:
    with Register(tmp_path / "a" / "one.sqlite3") as one, Register(tmp_path / "b" / "two.sqlite3") as two:
        assert one.person_key(A) != two.person_key(A)
    with Register(tmp_path / "one.sqlite3") as again, Register(tmp_path / "one.sqlite3") as same:
        assert again.person_key(A) == same.person_key(A)


def test_overlap_found_in_other_claim(register: Register) -> None:
    register.record_claim(claim(), "claim-1")
    other = claim("X9", date(2024, 1, 1), date(2025, 12, 31), people=(A,), enterprise="乙公司")
    overlaps = register.find_overlaps(other, "claim-2")
    assert len(overlaps) == 1
    found = overlaps[0]
    assert found.masked_id == A[:6] + "********" + A[-4:] and found.name == "人0"
    assert found.other_claim_key == "claim-1" and found.other_class_id == "C1"
    assert found.other_period == (date(2023, 3, 1), date(2025, 2, 28))
    assert "重复申领" in str(found)


def test_no_overlap_for_same_key_or_disjoint_period(register: Register) -> None:
    register.record_claim(claim(), "claim-1")
    assert register.find_overlaps(claim(), "claim-1") == []
    later = claim("C2", date(2025, 3, 1), date(2026, 2, 28))
    assert register.find_overlaps(later, "claim-2") == []


def test_settlement_of_the_advance_is_not_an_overlap(register: Register) -> None:
    register.record_claim(claim(stage=Stage.ADVANCE), "advance.json")
    assert register.find_overlaps(claim(stage=Stage.SETTLEMENT), "settlement.json") == []
    assert len(register.find_overlaps(claim(stage=Stage.ADVANCE), "advance-again.json")) == 2
    assert len(register.find_overlaps(claim(stage=Stage.SETTLEMENT, enterprise="乙公司"), "other.json")) == 2


def test_record_replaces_same_key(register: Register) -> None:
    register.record_claim(claim(), "claim-1")
    register.record_claim(claim(people=(B,)), "claim-1")
    assert [o.masked_id[-4:] for o in register.find_overlaps(claim(class_id="Z"), "claim-2")] == [B[-4:]]
    register.forget_claim("claim-1")
    assert register.find_overlaps(claim(class_id="Z"), "claim-2") == []


def test_concurrent_writers(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    Register(path).close()
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            with Register(path) as reg:
                for k in range(15):
                    reg.record_claim(claim(), f"claim-{n}-{k % 3}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Register(path) as reg:
        assert len(reg.find_overlaps(claim(class_id="Q"), "new")) == 4 * 3 * 2


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    Register(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(RegisterError, match="更新版本"):
        Register(path)


def test_corrupt_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(RegisterError, match="损坏"):
        Register(path)


def test_cli_helper_never_creates(tmp_path: Path) -> None:
    target = tmp_path / "none" / "register.sqlite3"
    assert overlap_warnings(claim(), "k", target) == []
    assert not target.exists()
    with Register(target) as reg:
        reg.record_claim(claim(), "k0")
    assert len(overlap_warnings(claim(class_id="Y"), "k", target)) == 2


def test_check_and_record(tmp_path: Path) -> None:
    from subsidy_calc.register import check_and_record

    target = tmp_path / "r.sqlite3"
    assert check_and_record(claim(), "first.json", target) == []
    found = check_and_record(claim(class_id="Z"), "second.json", target)
    assert [o.other_claim_key for o in found] == ["first.json", "first.json"]
    assert len(check_and_record(claim(), "first.json", target)) == 2  # now overlaps second.json
