"""Shared builders for the fault tests: a claim large enough that a save takes several writes."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from subsidy_calc.claim_file import save_claim
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.models import Claim
from tests.subsidy_calc.factories import make_claim, make_class, make_roster

STATUSES = [Outcome.CERTIFIED, Outcome.COMPLETED_NO_CERT, Outcome.DROPPED, Outcome.CERTIFIED]


def big_claim(n_classes: int = 4, per_class: int = 250, seed: int = 0) -> Claim:
    classes = [make_class(f"K{c:02d}", planned=per_class) for c in range(n_classes)]
    roster = []
    for c in range(n_classes):
        people = make_roster(f"K{c:02d}", [STATUSES[i % 4] for i in range(per_class)], seed=seed + c)
        # make_roster numbers people from 0 in each class: give every class its own ID serials
        roster += [p.model_copy(update={"name": f"{p.name}-{c}"}) for p in people]
    return make_claim(classes, Stage.SETTLEMENT, roster=roster)


def small_claim() -> Claim:
    return make_claim([make_class("A01", certified=15, completed_no_cert=3, dropped=2)])


def saved(path: Path, claim: Claim) -> bytes:
    save_claim(path, claim)
    return path.read_bytes()


def permission_bits_ignored() -> bool:
    """Root ignores chmod, and Windows has no POSIX permission bits: a refused write must be simulated."""
    return not hasattr(os, "geteuid") or os.geteuid() == 0


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


class FullDiskHandle:
    """A file object that writes the first `keep` bytes of the data, then fails like a full disk."""

    def __init__(self, handle: Any, keep: int = 1024) -> None:
        self.handle = handle
        self.keep = keep

    def write(self, data: bytes) -> int:
        self.handle.write(data[:self.keep])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> FullDiskHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def disk_full_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes into `folder` fail as on a full disk; other folders (the recovery folder) still work."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        where = Path(os.readlink(f"/proc/self/fd/{fd}")).parent
        return FullDiskHandle(handle) if where == folder else handle

    monkeypatch.setattr("subsidy_calc.atomic.os.fdopen", fdopen)
