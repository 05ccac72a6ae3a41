"""The command line's exit statuses, written once: what each number means to a script that calls us."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Documented in README → Command line. Never reuse a number for another meaning."""

    OK = 0  # done; the claim has no errors
    CLAIM_HAS_ERRORS = 1  # done, output written, but the claim has errors and must not be filed
    BAD_INPUT = 2  # the input (file, argument, rule file) was refused; nothing was written
    OUTPUT_FAILED = 3  # the result could not be written (disk full, file locked, no permission)
    INTERNAL_ERROR = 4  # an unexpected failure: a bug; the message says what to report
