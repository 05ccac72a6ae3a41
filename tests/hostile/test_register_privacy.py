"""The double-claim register cannot be reversed from a copy of the data folder; storage is private and safe."""

from __future__ import annotations

import hmac
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

import pytest

from bench.samples import make_id
from subsidy_calc.app_dirs import ENV_DATA_DIR
from subsidy_calc.enums import Stage
from subsidy_calc.identity import id_check_digit
from subsidy_calc.models import Apprentice, Claim, Enterprise, TrainingClass
from subsidy_calc.register import Register, check_and_record_with_notices, erase_register
from subsidy_calc.register_key import ENV_KEY_DIR, FileKeyStore, KeyringStore, key_store, real_keyring

from .conftest import ROOT

COUNTIES = ("620102", "620103", "620104")
BIRTHS = [date(1995, 5, 10) + timedelta(days=d) for d in range(4)]
PEOPLE = [make_id(COUNTIES[i % 3], BIRTHS[i % 4], 100 + i * 37) for i in range(20)]


def claim(people: list[str], class_id: str = "C1") -> Claim:
    return Claim(enterprise=Enterprise(name="甲公司"), ruleset_id="jinchang-2024", stage=Stage.SETTLEMENT,
                 classes=[TrainingClass(class_id=class_id, occupation="电工", level="中级工",
                                        start_date=date(2023, 3, 1), end_date=date(2025, 2, 28),
                                        planned=len(people))],
                 roster=[Apprentice(name=f"人{i}", id_number=p, class_id=class_id) for i, p in enumerate(people)])


def id_space() -> list[str]:
    """Every ID an attacker who knows the counties and the birth range must try: 3 × 4 × 1000 numbers."""
    ids = []
    for county in COUNTIES:
        for birth in BIRTHS:
            for seq in range(1000):
                body = f"{county}{birth:%Y%m%d}{seq:03d}"
                ids.append(body + id_check_digit(body))
    return ids


def candidate_keys(folder: Path) -> set[bytes]:
    """Key finding: every value stored in every SQLite table (as text, and hex-decoded), every 64-hex run in
    every file, and every small file whole, as an attacker would try them."""
    keys: set[bytes] = set()
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) <= 128:
            keys.add(data.strip())
        for run in re.findall(rb"[0-9a-fA-F]{64,}", data):
            keys.update(bytes.fromhex(run[i:i + 64].decode()) for i in range(0, len(run) - 63, 2))
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                    for row in db.execute(f'SELECT * FROM "{name}"'):
                        for value in row:
                            text = str(value)
                            keys.add(text.encode())
                            if re.fullmatch(r"[0-9a-fA-F]{64}", text):
                                keys.add(bytes.fromhex(text))
        except sqlite3.DatabaseError:
            continue
    return keys


def enumerate_attack(folder: Path, keys: set[bytes]) -> set[str]:
    """IDs confirmed present: HMAC(candidate key, guessed ID) equal to a stored person hash."""
    copy = folder / "register.sqlite3"
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as db:
        stored = {bytes.fromhex(row[0]) for row in db.execute("SELECT person FROM entries")}
    assert len(stored) == len(PEOPLE)
    space = [guess.encode() for guess in id_space()]
    found: set[str] = set()
    for key in keys:
        found.update(guess.decode() for guess in space if hmac.digest(key, guess, "sha256") in stored)
    return found


def test_a_copy_of_the_data_folder_confirms_no_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(data))
    with Register() as register:
        register.record_claim(claim(PEOPLE), "claim-1")
        key = register.person_key  # the real key stays in the process (and in its key store)
    stolen = tmp_path / "stolen"
    shutil.copytree(data, stolen)
    keys = candidate_keys(stolen)
    assert len(keys) > 50  # the attack did look at what the folder holds
    assert enumerate_attack(stolen, keys) == set()
    # The same attack with the key (what the old register, salt inside, gave away) finds all twenty:
    with Register() as register:
        real = bytes.fromhex(FileKeyStore(tmp_path / "data-key").path.read_text())
        assert key(PEOPLE[0]) == register.person_key(PEOPLE[0])
    assert enumerate_attack(stolen, {real}) == set(PEOPLE)


def test_the_key_is_not_in_the_data_folder(tmp_path: Path) -> None:
    store = key_store(tmp_path / "data", default_data_folder=False)
    assert isinstance(store, FileKeyStore) and tmp_path / "data" not in store.path.parents


def test_a_real_keyring_is_used_for_the_user_register_and_fake_ones_are_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends import fail

    class Memory(KeyringBackend):
        store: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    monkeypatch.delenv(ENV_KEY_DIR, raising=False)
    keyring.set_keyring(fail.Keyring())
    assert real_keyring() is None
    keyring.set_keyring(Memory())
    try:
        store = key_store(tmp_path / "data", default_data_folder=True)
        assert isinstance(store, KeyringStore)
        created = store.create()
        assert store.load() == created and list(Memory.store.values()) == [created.hex()]
        store.erase()
        assert store.load() is None
        assert isinstance(key_store(tmp_path / "data", default_data_folder=False), FileKeyStore)
    finally:
        keyring.set_keyring(fail.Keyring())


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows keeps the profile's ACLs")
def test_register_key_and_folders_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    old = os.umask(0o022)
    try:
        with Register() as register:
            register.record_claim(claim(PEOPLE[:2]), "claim-1")
            files = [register.path, register.path.with_name("register.sqlite3-wal"), tmp_path / "data-key" /
                     "register.key"]
            for path in files:
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
            for folder in (tmp_path / "data", tmp_path / "data-key"):
                assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    finally:
        os.umask(old)


def test_an_old_register_with_its_salt_inside_is_rebuilt_and_said(tmp_path: Path) -> None:
    path = tmp_path / "data" / "register.sqlite3"
    path.parent.mkdir()
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE claims (claim_key TEXT PRIMARY KEY, ruleset TEXT NOT NULL, stage TEXT NOT NULL, "
            "credit_code TEXT NOT NULL, enterprise TEXT NOT NULL, saved_at TEXT NOT NULL);"
            "CREATE TABLE entries (claim_key TEXT NOT NULL, person TEXT NOT NULL, class_id TEXT NOT NULL, "
            "start_date TEXT NOT NULL, end_date TEXT NOT NULL);"
            "INSERT INTO meta VALUES ('schema_version', '1'), ('salt', '" + "ab" * 32 + "');"
            "INSERT INTO claims VALUES ('old', 'jinchang-2024', 'settlement', '', '甲', '2024-01-01');"
            "INSERT INTO entries VALUES ('old', '" + "cd" * 32 + "', 'C1', '2023-03-01', '2025-02-28');")
    recorded = check_and_record_with_notices(claim(PEOPLE[:1]), "new", path)
    assert recorded.notices and "已清空重建" in recorded.notices[0]
    with sqlite3.connect(path) as db:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        assert "salt" not in meta and meta["schema_version"] == "2"
        assert [r[0] for r in db.execute("SELECT claim_key FROM claims")] == ["new"]


def test_erase_removes_register_and_key(tmp_path: Path) -> None:
    path = tmp_path / "data" / "register.sqlite3"
    with Register(path) as register:
        register.record_claim(claim(PEOPLE[:2]), "claim-1")
        first = register.person_key(PEOPLE[0])
    removed = erase_register(path)
    assert str(path) in removed and not path.exists()
    assert not (tmp_path / "data-key" / "register.key").exists()
    with Register(path) as again:
        assert again.person_key(PEOPLE[0]) != first


_WRITER = """
import sys
from datetime import date
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.hostile.test_register_privacy import PEOPLE, claim
from subsidy_calc.register import check_and_record
check_and_record(claim(PEOPLE[int(sys.argv[2]):int(sys.argv[2]) + 1], "C" + sys.argv[2]), "claim-" + sys.argv[2],
                 Path(sys.argv[1]))
"""


def test_concurrent_first_use_records_every_claim_with_one_key(tmp_path: Path) -> None:
    path = tmp_path / "data" / "register.sqlite3"
    script = _WRITER.format(root=str(ROOT))
    writers = [subprocess.Popen([sys.executable, "-c", script, str(path), str(n)], cwd=ROOT,
                                stderr=subprocess.PIPE, text=True) for n in range(4)]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with Register(path) as register:
        rows = register._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        assert rows == 4
        for n in range(4):
            hashes = {r[0] for r in register._db.execute("SELECT person FROM entries WHERE claim_key = ?",
                                                           (f"claim-{n}",))}
            assert hashes == {register.person_key(PEOPLE[n])}


def test_a_failed_record_is_reported(tmp_path: Path) -> None:
    from subsidy_calc.register import RegisterError

    path = tmp_path / "data" / "register.sqlite3"
    with Register(path):
        pass
    with sqlite3.connect(path) as db:  # a trigger stands in for a full disk: every insert fails
        db.execute("CREATE TRIGGER full BEFORE INSERT ON claims BEGIN SELECT RAISE(FAIL, 'database or disk is full');"
                   " END")
    with pytest.raises(RegisterError, match="未能把本申请登记到重复申领登记库:磁盘已满"):
        check_and_record_with_notices(claim(PEOPLE[:1]), "claim-1", path)
