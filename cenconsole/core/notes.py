"""Notes the console writes itself are stored in English (an order's note, a ledger entry's
description); note_display shows them in the reader's language. Anything else (a staff member's or a
user's words) is shown as written."""

import re

from django.utils.translation import gettext, gettext_noop

ORDER_CANCELLED_ON_UPGRADE = gettext_noop(
    "Cancelled when the console was upgraded: its bandwidth package has changed since the order was priced. "
    "Nothing was charged: place a new order."
)

NOTES = [
    (
        re.compile(r"^Downgrade order (?P<order>\d+): (?P<old>\d+) → (?P<new>\d+) Mbps, unused paid time\.$"),
        gettext_noop("Downgrade order %(order)s: %(old)s → %(new)s Mbps, unused paid time."),
    ),
    (
        re.compile(r"^Deletion ticket (?P<number>TK\d+): unused paid time\.$"),
        gettext_noop("Deletion ticket %(number)s: unused paid time."),
    ),
    # The notes of refunds made before issue 19 (refunds then counted whole days of list price).
    (
        re.compile(r"^Downgrade order (?P<order>\d+): (?P<old>\d+) → (?P<new>\d+) Mbps, unused whole days\.$"),
        gettext_noop("Downgrade order %(order)s: %(old)s → %(new)s Mbps, unused whole days."),
    ),
    (
        re.compile(r"^Deletion ticket (?P<number>TK\d+): unused whole days\.$"),
        gettext_noop("Deletion ticket %(number)s: unused whole days."),
    ),
    # Written by bandwidth migration 0007 on unpaid orders of a release without order deadlines.
    (re.compile(re.escape(ORDER_CANCELLED_ON_UPGRADE) + r"\Z"), ORDER_CANCELLED_ON_UPGRADE),
]


def note_display(text: str) -> str:
    for pattern, message in NOTES:
        match = pattern.match(text)
        if match:
            return gettext(message) % match.groupdict()
    return text
