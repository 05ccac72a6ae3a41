"""The double-claim register: who was claimed for in which saved claim, keyed by a salted hash of the ID.

One SQLite file (register.sqlite3) in the folder named by SUBSIDY_CALC_DATA_DIR, else the user data folder
(platformdirs "subsidy-calc"). ID numbers are never stored: only HMAC-SHA256(per-installation salt, ID).
Names are not stored either; an Overlap takes the name and masked ID from the claim being checked.
WAL journal, short IMMEDIATE transactions and a busy timeout make concurrent writers (two windows) safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .identity import mask_id_number, same_person_key
from .models import Claim
from .periods import Period

ENV_DATA_DIR = "SUBSIDY_CALC_DATA_DIR"
FILE_NAME = "register.sqlite3"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    claim_key TEXT PRIMARY KEY, ruleset TEXT NOT NULL, stage TEXT NOT NULL, credit_code TEXT NOT NULL,
    enterprise TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    claim_key TEXT NOT NULL REFERENCES claims(claim_key) ON DELETE CASCADE, person TEXT NOT NULL,
    class_id TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_person ON entries(person);
CREATE INDEX IF NOT EXISTS entries_claim ON entries(claim_key);
"""


class RegisterError(Exception):
    """The register cannot be used (newer schema, unreadable file); the message is Chinese."""


def data_dir() -> Path:
    """SUBSIDY_CALC_DATA_DIR when set (tests, portable installs), else the per-user data folder."""
    configured = os.environ.get(ENV_DATA_DIR)
    if configured:
        return Path(configured)
    from platformdirs import user_data_dir

    return Path(user_data_dir("subsidy-calc", appauthor=False))


def default_path() -> Path:
    return data_dir() / FILE_NAME


def claim_key_for_path(path: Path) -> str:
    """The claim key of a claim saved in (or loaded from) a file: its absolute path."""
    return str(Path(path).resolve())


@dataclass(frozen=True)
class Overlap:
    """One person of this claim already claimed for an overlapping period in another saved claim."""

    masked_id: str
    name: str
    class_id: str
    period: tuple[date, date]
    other_claim_key: str
    other_class_id: str
    other_period: tuple[date, date]
    other_enterprise: str
    other_stage: str
    other_saved_at: str

    def __str__(self) -> str:
        return (f"{self.name}({self.masked_id})在本申请班级“{self.class_id}”({self.period[0].isoformat()} 至 "
                f"{self.period[1].isoformat()})与另一份申请“{self.other_claim_key}”的班级“{self.other_class_id}”"
                f"({self.other_period[0].isoformat()} 至 {self.other_period[1].isoformat()},"
                f"{self.other_enterprise or '单位未填'})培训期重叠,可能重复申领")


class Register:
    """The register file; open it, record claims, find overlaps. Use as a context manager or call close()."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise RegisterError(f"无法打开重复申领登记库“{self.path}”:{exc}") from None
        try:
            self._db.execute("PRAGMA busy_timeout = 30000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._salt = self._prepare()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise RegisterError(f"重复申领登记库“{self.path}”已损坏或无法读取:{exc}") from None
        except RegisterError:
            self._db.close()
            raise

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _prepare(self) -> bytes:
        with self._transaction() as db:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('salt', ?)", (secrets.token_hex(32),))
            rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
        version = int(rows["schema_version"])
        if version > SCHEMA_VERSION:
            raise RegisterError(
                f"重复申领登记库由更新版本的软件创建(版本 {version},本软件支持到 {SCHEMA_VERSION}),请升级软件")
        return bytes.fromhex(rows["salt"])

    def person_key(self, id_number: str) -> str:
        """HMAC-SHA256 of the ID under this installation's salt (hex); the ID itself is never stored."""
        return hmac.new(self._salt, same_person_key(id_number).encode("utf-8"), hashlib.sha256).hexdigest()

    def record_claim(self, claim: Claim, claim_key: str) -> int:
        """Record every apprentice of a saved claim, replacing earlier records of the same claim key."""
        classes = {tc.class_id: tc for tc in claim.classes}
        rows = [
            (claim_key, self.person_key(p.id_number), p.class_id, classes[p.class_id].start_date.isoformat(),
             classes[p.class_id].end_date.isoformat())
            for p in claim.roster if p.class_id in classes
        ]
        saved = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction() as db:
            db.execute("DELETE FROM entries WHERE claim_key = ?", (claim_key,))
            db.execute("DELETE FROM claims WHERE claim_key = ?", (claim_key,))
            db.execute("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)",
                       (claim_key, claim.ruleset_id, claim.stage.value, claim.enterprise.credit_code,
                        claim.enterprise.name, saved))
            db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def forget_claim(self, claim_key: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM entries WHERE claim_key = ?", (claim_key,))
            db.execute("DELETE FROM claims WHERE claim_key = ?", (claim_key,))

    def find_overlaps(self, claim: Claim, claim_key: str) -> list[Overlap]:
        """People of `claim` recorded under another claim key with an overlapping training period.

        Not an overlap: the same enterprise's other-stage claim (advance vs settlement) for the same class
        and period — that is the settlement of the advance, not a second claim."""
        classes = {tc.class_id: tc for tc in claim.classes}
        wanted: dict[str, list[tuple[str, str, str]]] = {}
        for person in claim.roster:
            if person.class_id in classes:
                wanted.setdefault(self.person_key(person.id_number), []).append(
                    (person.id_number, person.name, person.class_id))
        if not wanted:
            return []
        found: list[Overlap] = []
        keys = list(wanted)
        query = ("SELECT e.person, e.claim_key, e.class_id, e.start_date, e.end_date, c.stage, c.credit_code, "
                 "c.enterprise, c.saved_at FROM entries e JOIN claims c USING (claim_key) "
                 "WHERE e.claim_key != ? AND e.person IN ({})")
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self._db.execute(query.format(",".join("?" * len(chunk))), (claim_key, *chunk)).fetchall()
            for person, other_key, other_class, other_start, other_end, stage, code, enterprise, saved in rows:
                other = Period(date.fromisoformat(other_start), date.fromisoformat(other_end))
                for id_number, name, class_id in wanted[person]:
                    tc = classes[class_id]
                    if not tc.period.overlaps(other):
                        continue
                    same_enterprise = (code == claim.enterprise.credit_code and
                                       (code or enterprise == claim.enterprise.name))
                    if (same_enterprise and other_class == class_id and stage != claim.stage.value
                            and other == tc.period):
                        continue
                    found.append(Overlap(mask_id_number(id_number), name, class_id, (tc.start_date, tc.end_date),
                                         other_key, other_class, (other.start, other.end), enterprise, stage, saved))
        return found


def overlap_warnings(claim: Claim, claim_key: str, path: Path | None = None) -> list[str]:
    """Overlap lines for the CLI; nothing when no register exists yet. Never records and never fails."""
    target = Path(path) if path is not None else default_path()
    if not target.exists():
        return []
    try:
        with Register(target) as register:
            return [str(o) for o in register.find_overlaps(claim, claim_key)]
    except RegisterError as exc:
        return [f"未能检查重复申领:{exc}"]


def check_and_record(claim: Claim, claim_key: str, path: Path | None = None) -> list[Overlap]:
    """For the window when a claim is saved: the overlaps with other saved claims, then record this one.

    Raises RegisterError (Chinese message) when the register cannot be used; the claim file is saved anyway."""
    with Register(path) as register:
        overlaps = register.find_overlaps(claim, claim_key)
        register.record_claim(claim, claim_key)
    return overlaps
