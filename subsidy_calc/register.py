"""The double-claim register: who was claimed for in which saved claim, keyed by a keyed hash of the ID.

One SQLite file (register.sqlite3) in the folder named by SUBSIDY_CALC_DATA_DIR, else the user data folder
(platformdirs "subsidy-calc"). ID numbers are never stored: only HMAC-SHA256(key, ID), and the key is kept
outside that folder (subsidy_calc/register_key.py, docs/privacy.md), so a copy of the folder cannot be
tested against guessed numbers. Names are not stored either; an Overlap takes the name and masked ID from
the claim being checked. File 0600 in a 0700 folder; WAL journal, short IMMEDIATE transactions, a busy
timeout and one retry policy make concurrent writers (two windows, two first uses) safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from .app_dirs import ENV_DATA_DIR, register_path
from .identity import mask_id_number, same_person_key
from .models import Claim
from .periods import Period
from .private_files import private_dir, private_file, tighten
from .register_key import FileKeyStore, KeyringStore, RegisterKeyError, key_store

SCHEMA_VERSION = 2  # 1 kept its salt inside the register: such a register is rebuilt (docs/privacy.md)
KEY_CHECK_LABEL = b"subsidy-calc register key check"
RETRIES = 5  # the one retry policy: "database is locked" on first use, waited out with a growing pause
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
    """The register cannot be used (newer schema, unreadable file, full disk); the message is Chinese."""


def sqlite_reason(exc: sqlite3.Error) -> str:
    """SQLite's English reasons in Chinese, for the ones a user can act on."""
    text = str(exc).lower()
    if "full" in text:
        return "磁盘已满"
    if "locked" in text or "busy" in text:
        return "登记库正被另一个窗口长时间占用"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "没有写入权限"
    if "malformed" in text or "not a database" in text:
        return "文件已损坏"
    return f"数据库错误({type(exc).__name__})"


T = TypeVar("T")


def with_retry(action: Callable[[], T]) -> T:
    """Run a register action; "database is locked/busy" (two first uses at once) is retried RETRIES times."""
    for attempt in range(RETRIES):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or attempt == RETRIES - 1:
                raise
            time.sleep(0.1 * 2 ** attempt)
    raise AssertionError("unreachable")


def default_path() -> Path:
    return register_path()


def default_key_store(path: Path) -> FileKeyStore | KeyringStore:
    """The key store of a register file: the OS credential store for the user's own register, else a key
    file outside the register's folder (register_key.key_store)."""
    is_default = not os.environ.get(ENV_DATA_DIR) and Path(path) == default_path()
    return key_store(Path(path).parent, is_default)


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

    def __init__(self, path: Path | None = None, keys: FileKeyStore | KeyringStore | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.keys = keys if keys is not None else default_key_store(self.path)
        self.notices: list[str] = []
        try:
            private_dir(self.path.parent)
            private_file(self.path)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            reason = sqlite_reason(exc) if isinstance(exc, sqlite3.Error) else (exc.strerror or str(exc))
            raise RegisterError(f"无法打开重复申领登记库“{self.path}”:{reason}") from None
        try:
            self._key = with_retry(self._open)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise RegisterError(f"重复申领登记库“{self.path}”已损坏或无法读取:{sqlite_reason(exc)}") from None
        except RegisterKeyError as exc:
            self._db.close()
            raise RegisterError(str(exc)) from None
        except RegisterError:
            self._db.close()
            raise
        for suffix in ("-wal", "-shm"):
            tighten(self.path.with_name(self.path.name + suffix))

    def _open(self) -> bytes:
        self._db.execute("PRAGMA busy_timeout = 30000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        return self._prepare()

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
        """Schema, key and key check in one IMMEDIATE transaction: two first uses create one key, not two.

        A register of schema 1 (salt stored inside) or one whose key is lost or replaced cannot be matched
        against IDs any more: it is emptied, and `notices` says so."""
        with self._transaction() as db:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
            version = int(rows.get("schema_version", SCHEMA_VERSION))
            if version > SCHEMA_VERSION:
                raise RegisterError(f"重复申领登记库由更新版本的软件创建(版本 {version},本软件支持到 "
                                    f"{SCHEMA_VERSION}),请升级软件")
            key = self.keys.load()
            if key is None:
                key = self.keys.create()
            check = hmac.new(key, KEY_CHECK_LABEL, hashlib.sha256).hexdigest()
            stale = "salt" in rows or rows.get("key_check", check) != check
            if stale and db.execute("SELECT 1 FROM claims LIMIT 1").fetchone():
                self.notices.append("重复申领登记库是旧版本或其密钥已更换,无法再核对,已清空重建;"
                                    "请重新保存各份申请以重新登记")
            if stale:
                db.execute("DELETE FROM entries")
                db.execute("DELETE FROM claims")
                db.execute("DELETE FROM meta WHERE key IN ('salt', 'key_check')")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('key_check', ?)", (check,))
        return key

    def person_key(self, id_number: str) -> str:
        """HMAC-SHA256 of the ID under this installation's key (hex); the ID itself is never stored."""
        return hmac.new(self._key, same_person_key(id_number).encode("utf-8"), hashlib.sha256).hexdigest()

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
            lines = [f"提示:{n}" for n in register.notices]
            return lines + [str(o) for o in with_retry(lambda: register.find_overlaps(claim, claim_key))]
    except RegisterError as exc:
        return [f"未能检查重复申领:{exc}"]
    except sqlite3.Error as exc:
        return [f"未能检查重复申领:{sqlite_reason(exc)}"]


@dataclass
class Recorded:
    """What saving a claim did to the register: overlaps with other claims, and notices (a rebuild)."""

    overlaps: list[Overlap]
    notices: list[str]


def check_and_record(claim: Claim, claim_key: str, path: Path | None = None) -> list[Overlap]:
    """For the window when a claim is saved: the overlaps with other saved claims, then record this one.

    Raises RegisterError (Chinese message) when the register cannot be used or the record fails (a full
    disk, a lock held too long): the claim file is saved anyway, and the window says the record failed."""
    return check_and_record_with_notices(claim, claim_key, path).overlaps


def check_and_record_with_notices(claim: Claim, claim_key: str, path: Path | None = None) -> Recorded:
    """check_and_record, with the register's notices (e.g. an old register rebuilt) for the window to show."""
    with Register(path) as register:
        try:
            overlaps = with_retry(lambda: register.find_overlaps(claim, claim_key))
            with_retry(lambda: register.record_claim(claim, claim_key))
        except sqlite3.Error as exc:
            raise RegisterError(f"未能把本申请登记到重复申领登记库:{sqlite_reason(exc)}") from None
        return Recorded(overlaps, register.notices)


def erase_register(path: Path | None = None) -> list[str]:
    """Delete the register (and its journal files) and its key: everything the app keeps about who was
    claimed for. Returns what was removed, for the window to say; RegisterError when a file stays."""
    target = Path(path) if path is not None else default_path()
    keys = default_key_store(target)
    removed: list[str] = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = target.with_name(target.name + suffix)
        try:
            part.unlink()
            removed.append(str(part))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise RegisterError(f"无法删除“{part}”:{exc.strerror or exc}(是否还有窗口在使用?)") from None
    keys.erase()
    removed.append(keys.describe())
    return removed
