"""An account's ID as Alibaba Cloud shows it (AliUid, VpcOwnerId, ChildInstanceOwnerId...): a 16-digit
number. The replica derives it from the account's row key, both ways, with no stored column: a fixed
bijection of the numbers 0 .. 9·10^15 - 1, so IDs look scattered, never collide, and every account made
before this existed already has one. Where an API caller sends an account ID, the row key an earlier
release answered (1, 2, 3...) is still accepted (Terraform state written then holds it)."""

import re

_BASE = 10**15  # the smallest 16-digit number
_SPAN = 9 * 10**15  # how many 16-digit numbers there are
_FACTOR = 6_364_136_223_846_793 % _SPAN  # coprime with _SPAN (neither 2, 3 nor 5 divides it)
_OFFSET = 1_442_695_040_888_963 % _SPAN
_INVERSE = pow(_FACTOR, -1, _SPAN)
UID_PATTERN = re.compile(r"[1-9][0-9]{15}")
OLD_ID_PATTERN = re.compile(r"[1-9][0-9]{0,14}")


def account_uid(pk: int) -> int:
    """The 16-digit ID of the account whose row key is pk."""
    return _BASE + (pk * _FACTOR + _OFFSET) % _SPAN


def account_pk(uid: str) -> int | None:
    """The row key of the account a caller names: its 16-digit ID, or an earlier release's row key;
    None when the text is neither (no account has it)."""
    uid = (uid or "").strip()
    if UID_PATTERN.fullmatch(uid):
        return ((int(uid) - _BASE - _OFFSET) * _INVERSE) % _SPAN
    if OLD_ID_PATTERN.fullmatch(uid):
        return int(uid)
    return None


def names_account(uid: str, account) -> bool:
    """Whether an account ID a caller sent names `account`."""
    return account_pk(uid) == account.pk
