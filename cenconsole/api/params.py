"""Reading an action's parameters as the SDK sends them: strings in the query or form body, booleans
as true/false in any case, repeated parameters as Name.N(.Key|.Value.M). Shape only; the services
judge the values."""

import hashlib
import json
import re
from datetime import UTC, datetime

from . import errors

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
MAX_FILTERS = 5
MAX_INDEXED = 20  # ResourceId.N, Tag.N, TagKey.N: N from 1 to 20
# ASCII digits only: \d (and int()) would also take other scripts' digits, "٣" for 3.
FILTER_PARAMETER = re.compile(r"Filter\.([0-9]+)\.(Key|Value\.([0-9]+))")
INTEGER = re.compile(r"[+-]?[0-9]{1,18}")
# The largest row offset SQLite and PostgreSQL take (a signed 64-bit integer): PageNumber × PageSize
# must stay within it. Any page past the last one (and within it) is simply empty.
MAX_ROW_OFFSET = 2**63 - 1


# Sent with every action: the signature's (V1), the account's (the SDKs add them), the region's.
COMMON_PARAMETERS = frozenset(
    {
        "Action",
        "Version",
        "Format",
        "AccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "SignatureType",
        "Timestamp",
        "RegionId",
        "OwnerId",
        "OwnerAccount",
        "ResourceOwnerId",
        "ResourceOwnerAccount",
    }
)

# RegionId counts: CreateTransitRouter names the router's region with it (a retry sends the same).
FINGERPRINT_IGNORES = (COMMON_PARAMETERS - {"RegionId"}) | {"ClientToken", "DryRun"}


class Params:
    """An action's parameters; remembers which the action read, so that any other is refused by
    name (unread) rather than silently ignored."""

    def __init__(self, data: dict[str, str]):
        self.data = data
        self.read: set[str] = set()
        self._json_objects: dict[str, dict] = {}

    def fingerprint(self) -> str:
        """What the request asks, whatever the token and signature: a retry with the same ClientToken
        must ask the same (the common parameters, ClientToken and DryRun aside). A parameter read as a
        JSON object (json_object) counts by its content, whatever its spacing and key order."""
        asked = {name: value for name, value in self.data.items() if name not in FINGERPRINT_IGNORES}
        asked.update({name: value for name, value in self._json_objects.items() if name in asked})
        return hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()

    def json_object(self, name: str) -> dict[str, str] | None:
        """A map parameter as the SDKs send it in RPC style: one parameter holding a JSON object of
        strings (the V3 SDK's "json" style, the old SDK's json.dumps, Terraform's convertMaptoJsonString);
        None when not sent."""
        raw = self._raw(name, False)
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
            raise errors.invalid_parameter(name, 'a JSON object of strings expected, such as {"ipv6Support":"enable"}.')
        self._json_objects[name] = value
        return value

    def unread(self) -> list[str]:
        """The parameters sent that the action never read (the common ones aside)."""
        return sorted(set(self.data) - self.read - COMMON_PARAMETERS)

    def _raw(self, name, required):
        self.read.add(name)
        value = self.data.get(name)
        if value is None and required:
            raise errors.missing_parameter(name)
        return value

    def string(self, name: str, *, required: bool = False, max_length: int | None = None, choices=None) -> str | None:
        value = self._raw(name, required)
        if value is None:
            return None
        if required and not value.strip():
            raise errors.missing_parameter(name)
        if max_length is not None and len(value) > max_length:
            raise errors.invalid_parameter(name, f"at most {max_length} characters.")
        if choices is not None and value not in choices:
            raise errors.invalid_parameter(name, f"one of {', '.join(choices)} expected.")
        return value

    def integer(self, name: str, *, required: bool = False, default: int | None = None) -> int | None:
        value = self._raw(name, required)
        if value is None:
            return default
        if not INTEGER.fullmatch(value.strip()):
            raise errors.invalid_parameter(name, "a whole number in the digits 0-9 expected.")
        return int(value)

    def time(self, name: str, *, required: bool = False) -> datetime | None:
        """A time as the API writes them, yyyy-MM-ddTHH:mmZ (seconds allowed), in UTC."""
        value = self._raw(name, required)
        if value is None:
            return None
        for form in ("%Y-%m-%dT%H:%MZ", "%Y-%m-%dT%H:%M:%SZ"):
            try:
                return datetime.strptime(value.strip(), form).replace(tzinfo=UTC)
            except ValueError:
                continue
        raise errors.invalid_parameter(name, "a UTC time as yyyy-MM-ddTHH:mmZ expected.")

    def boolean(self, name: str, *, default: bool = False) -> bool:
        value = self._raw(name, False)
        if value is None:
            return default
        if value.strip().lower() not in {"true", "false"}:
            raise errors.invalid_parameter(name, "true or false expected.")
        return value.strip().lower() == "true"

    def page(self) -> tuple[int, int]:
        """PageNumber (from 1) and PageSize (1 to 50, 10 by default)."""
        number = self.integer("PageNumber", default=1)
        size = self.integer("PageSize", default=DEFAULT_PAGE_SIZE)
        if number < 1:
            raise errors.invalid_parameter("PageNumber", "1 or more expected.")
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise errors.invalid_parameter("PageSize", f"1 to {MAX_PAGE_SIZE} expected.")
        if number * size > MAX_ROW_OFFSET:
            raise errors.invalid_parameter("PageNumber", f"PageNumber × PageSize must be at most {MAX_ROW_OFFSET}.")
        return number, size

    def filters(self, keys: set[str]) -> dict[str, list[str]]:
        """Filter.N.Key with its Filter.N.Value.M, as {key: [values]}: values of one key match any of
        them; a key given twice gathers its values."""
        keys_by_index, values_by_index = {}, {}
        for name, value in self.data.items():
            match = FILTER_PARAMETER.fullmatch(name)
            if match is None:
                continue
            self.read.add(name)
            index = int(match.group(1))
            if not 1 <= index <= MAX_FILTERS:
                raise errors.invalid_parameter(name, f"N must be 1 to {MAX_FILTERS}.")
            if match.group(2) == "Key":
                if value not in keys:
                    raise errors.invalid_parameter(name, f"one of {', '.join(sorted(keys))} expected.")
                keys_by_index[index] = value
            else:
                values_by_index.setdefault(index, []).append((int(match.group(3)), value))
        filters = {}
        for index, values in values_by_index.items():
            if index not in keys_by_index:
                raise errors.missing_parameter(f"Filter.{index}.Key")
            filters.setdefault(keys_by_index[index], []).extend(value for _, value in sorted(values))
        for index in keys_by_index:
            if index not in values_by_index:
                raise errors.missing_parameter(f"Filter.{index}.Value.1")
        return filters

    def indexed(self, name: str, *, limit: int = MAX_INDEXED, json_array: bool = False) -> list[str]:
        """Name.1, Name.2, ... (a repeated parameter, as both SDKs flatten a list), in N's order. With
        json_array, the list may come instead as Name itself holding a JSON array of strings, as
        Terraform's provider sends some filters (convertListToJsonString) and the API takes them."""
        if json_array and name in self.data:
            return self._json_array(name, limit)
        pattern = re.compile(re.escape(name) + r"\.(\d+)")
        found = []
        for key, value in self.data.items():
            match = pattern.fullmatch(key)
            if match is None:
                continue
            self.read.add(key)
            if not 1 <= int(match.group(1)) <= limit:
                raise errors.invalid_parameter(key, f"N must be 1 to {limit}.")
            found.append((int(match.group(1)), value))
        return [value for _, value in sorted(found)]

    def indexed_or_nested(self, name: str, *, limit: int = MAX_INDEXED) -> list[str]:
        """Name.N, or a whole list put under Name.1 (Terraform's provider sets Name.1 to a list, which its
        client flattens to Name.1.1, Name.1.2, ...): both read as the one list, in order."""
        values = self.indexed(name, limit=limit)
        pattern = re.compile(re.escape(name) + r"\.1\.(\d+)")
        nested = []
        for key, value in self.data.items():
            match = pattern.fullmatch(key)
            if match is None:
                continue
            self.read.add(key)
            if not 1 <= int(match.group(1)) <= limit:
                raise errors.invalid_parameter(key, f"N must be 1 to {limit}.")
            nested.append((int(match.group(1)), value))
        values += [value for _, value in sorted(nested)]
        if len(values) > limit:
            raise errors.invalid_parameter(name, f"at most {limit} values.")
        return values

    def _json_array(self, name: str, limit: int) -> list[str]:
        self.read.add(name)
        try:
            values = json.loads(self.data[name])
        except ValueError:
            values = None
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise errors.invalid_parameter(name, 'a JSON array of strings expected, such as ["a","b"].')
        if len(values) > limit:
            raise errors.invalid_parameter(name, f"at most {limit} values.")
        return values

    def tags(self, name: str = "Tag", *, limit: int = MAX_INDEXED) -> list[tuple[str, str | None]]:
        """Tag.N.Key with its Tag.N.Value, in N's order; a Value without a Key is refused. A Key
        without a Value has the value None (for filters: any value; to set: the empty value)."""
        pattern = re.compile(re.escape(name) + r"\.(\d+)\.(Key|Value)")
        keys, values = {}, {}
        for key, value in self.data.items():
            match = pattern.fullmatch(key)
            if match is None:
                continue
            self.read.add(key)
            index = int(match.group(1))
            if not 1 <= index <= limit:
                raise errors.invalid_parameter(key, f"N must be 1 to {limit}.")
            (keys if match.group(2) == "Key" else values)[index] = value
        for index in values:
            if index not in keys:
                raise errors.missing_parameter(f"{name}.{index}.Key")
        return [(keys[index], values.get(index)) for index in sorted(keys)]
