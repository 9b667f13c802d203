"""Reading lists of objects as both SDKs flatten them (Name.N.Field, and Name.N.Field.M for a list in an
object): the match rules of traffic marking policies and the queues of QoS policies."""

import re

from .. import errors
from ..params import INTEGER, MAX_INDEXED, Params


def objects(params: Params, name: str, fields: dict[str, str], *, limit: int = MAX_INDEXED) -> list[dict]:
    """Name.N.<Field> for each field of `fields` (its kind: "string", "integer" or "integers", a list of
    whole numbers sent as Name.N.<Field>.M), in N's order, as {field: value}. Any other field is refused."""
    pattern = re.compile(re.escape(name) + r"\.(\d+)\.([A-Za-z]+)(?:\.(\d+))?")
    found: dict[int, dict] = {}
    for key, value in params.data.items():
        match = pattern.fullmatch(key)
        if match is None:
            continue
        params.read.add(key)
        index, field, position = int(match.group(1)), match.group(2), match.group(3)
        kind = fields.get(field)
        if kind is None or (kind == "integers") != (position is not None):
            raise errors.invalid_parameter(key, "not a parameter of this action.")
        if not 1 <= index <= limit:
            raise errors.invalid_parameter(key, f"N must be 1 to {limit}.")
        if kind != "string" and not INTEGER.fullmatch(value.strip()):
            raise errors.invalid_parameter(key, "a whole number in the digits 0-9 expected.")
        entry = found.setdefault(index, {})
        if kind == "integers":
            entry.setdefault(field, []).append((int(position), int(value)))
        else:
            entry[field] = value if kind == "string" else int(value)
    rows = []
    for index in sorted(found):
        entry = found[index]
        rows.append({key: [v for _, v in sorted(v)] if fields[key] == "integers" else v for key, v in entry.items()})
    return rows


def integers(params: Params, name: str) -> list[int] | None:
    """Name.N as whole numbers (None when none is sent)."""
    values = params.indexed(name, limit=64)
    for value in values:
        if not INTEGER.fullmatch(value.strip()):
            raise errors.invalid_parameter(name, "whole numbers in the digits 0-9 expected.")
    return [int(value) for value in values] if values else None
