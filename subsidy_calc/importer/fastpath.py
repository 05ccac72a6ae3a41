"""Fast checks equivalent to the models' validation, so 100,000 rows validate in a fraction of a second.

`fast_id_number` accepts exactly what `identity.normalise_id_number` accepts (same GB 11643 check digit,
birth date and region code, via identity.region_known).
`fast_fields` / `fast_apprentice` build an Apprentice without pydantic's per-row validation only when every
field passes checks equal to the model's; anything unusual returns None and the caller falls back to
`Apprentice.model_validate`. tests/subsidy_calc/importer/test_fastpath.py proves the equivalence.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..dates import EXCEL_EPOCH, SERIAL_RANGE
from ..enums import Outcome
from ..identity import id_check_digit, region_known
from ..models import Apprentice

_birth_cache: dict[str, bool] = {}
_CACHE_LIMIT = 200_000


def _birth_valid(text: str) -> bool:
    try:
        date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        valid = True
    except ValueError:
        valid = False
    if len(_birth_cache) < _CACHE_LIMIT:
        _birth_cache[text] = valid
    return valid


def fast_id_number(text: str) -> str | None:
    """The normalised ID when valid (upper-case X), None when invalid or unusual (let the slow path judge)."""
    if len(text) != 18:
        return None
    body = text[:17]
    if not (body.isascii() and body.isdigit()):
        return None
    check = id_check_digit(body)
    if text[17] != check:
        if check != "X" or text[17] != "x":
            return None
        text = body + "X"
    birth = text[6:14]
    valid = _birth_cache.get(birth)
    if not (valid if valid is not None else _birth_valid(birth)):
        return None
    return text if region_known(text[:6]) else None


def _plain(value: object, max_length: int, min_length: int) -> str | None:
    """A string the model keeps unchanged and within bounds. Python's strip() removes every character
    pydantic's (Rust) trim removes, so `value.strip() == value` means pydantic does not change it."""
    if (type(value) is not str or not min_length <= len(value) <= max_length or value.strip() != value
            or not value.isprintable()):
        return None
    return value


STATUS_TEXT = {
    "在训": Outcome.IN_TRAINING, "取证": Outcome.CERTIFIED, "结业未取证": Outcome.COMPLETED_NO_CERT,
    "退出": Outcome.DROPPED,
}
_object_setattr = object.__setattr__
_new = object.__new__


_serial_dates: dict[object, date] = {}


def _serial_date(value: object) -> date | None:
    """An Excel serial number (a date cell stored as a plain number) as `dates.parse_date` reads it, or None
    for anything else (bool, fractions, yyyymmdd numbers, out of range: the slow path judges those)."""
    if type(value) is not float and type(value) is not int:  # exact types: bool is not a date
        return None
    found = _serial_dates.get(value)
    if found is None:
        if not float(value).is_integer() or not SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            return None
        found = _serial_dates[value] = EXCEL_EPOCH + timedelta(days=int(value))
    return found


# The fields given (pydantic's fields_set) for each combination of optional cells present: status 1,
# certificate 2, contract start 4, contract end 8, social-insurance months 16. People with the same fields given
# share one set (copying it cost 0.5 us a person, 55 ms for 100,000): Apprentice is frozen, and pydantic changes a
# model's fields_set in place only when an attribute is assigned, which a frozen model refuses (model_copy copies
# the set before adding to it). tests/subsidy_calc/importer/test_fastpath.py holds pydantic to that.
_GIVEN = tuple(set({"name", "id_number", "class_id"}
                         | {f for bit, f in ((1, "status"), (2, "certificate_no"), (4, "contract_start"),
                                             (8, "contract_end"), (16, "social_insurance_months")) if mask & bit})
               for mask in range(32))


def construct(fields: dict[str, object], fields_set: set[str]) -> Apprentice:
    """What `Apprentice.model_construct` does, without its per-field loop (all eight fields given)."""
    person = _new(Apprentice)
    _object_setattr(person, "__dict__", fields)
    _object_setattr(person, "__pydantic_fields_set__", fields_set)
    _object_setattr(person, "__pydantic_extra__", None)
    _object_setattr(person, "__pydantic_private__", None)
    return person


def _months(value: object) -> int | None:
    """Social-insurance months as pydantic reads them (int, or a float without fraction), within 0..600."""
    if type(value) is int:
        number = value
    elif type(value) is float and value.is_integer():
        number = int(value)
    else:
        return None
    return number if 0 <= number <= 600 else None


def fast_fields(  # noqa: C901 -- one flat function on purpose: 100,000 calls, no call overhead per check
        name: object, id_text: object, class_id: object, status: object = None,
        certificate: object = None, start: object = None, end: object = None,
        social: object = None) -> Apprentice | None:
    """Cells as read (None or '' for empty optional cells) → an Apprentice, or None to take the slow path."""
    if type(name) is not str or type(class_id) is not str or type(id_text) is not str:
        return None
    if not (0 < len(name) <= 50 and 0 < len(class_id) <= 50) or name.strip() != name or class_id.strip() != class_id:
        return None
    if not (name.isprintable() and class_id.isprintable()):  # control characters: the model refuses them
        return None
    id_number = fast_id_number(id_text)
    if id_number is None:
        return None
    given = 0
    if status is None or status == "":
        outcome = Outcome.IN_TRAINING
    elif type(status) is str:
        found = STATUS_TEXT.get(status)
        if found is None:
            return None
        outcome = found
        given = 1
    elif isinstance(status, Outcome):
        outcome = status
        given = 1
    else:
        return None
    if certificate is None or certificate == "":
        certificate = ""
    elif _plain(certificate, 60, 0) is None:
        return None
    else:
        given |= 2
    if start is None or start == "":
        start = None
    else:
        if type(start) is not date:
            start = _serial_date(start)
            if start is None:
                return None
        given |= 4
    if end is None or end == "":
        end = None
    else:
        if type(end) is not date:
            end = _serial_date(end)
            if end is None:
                return None
        given |= 8
        if start is not None and end < start:
            return None
    months = None
    if social is not None and social != "":
        months = _months(social)
        if months is None:
            return None
        given |= 16
    return construct({"name": name, "id_number": id_number, "class_id": class_id, "status": outcome,
                      "certificate_no": certificate, "contract_start": start, "contract_end": end,
                      "social_insurance_months": months}, _GIVEN[given])


_FIELDS = frozenset(Apprentice.model_fields)
_OPTIONAL = ("status", "certificate_no", "contract_start", "contract_end", "social_insurance_months")


def fast_apprentice(values: dict[str, object]) -> Apprentice | None:
    """An Apprentice equal to `Apprentice.model_validate(values)`, or None (invalid or not a fast case)."""
    if not _FIELDS.issuperset(values):
        return None
    # fast_fields reads None and "" as an empty cell (a field not given); in a dict they are given values,
    # which the model judges (and counts in its fields_set)
    if any(values.get(key, 0) in (None, "") for key in _OPTIONAL):
        return None
    return fast_fields(values.get("name"), values.get("id_number"), values.get("class_id"), values.get("status"),
                       values.get("certificate_no"), values.get("contract_start"), values.get("contract_end"),
                       values.get("social_insurance_months"))
