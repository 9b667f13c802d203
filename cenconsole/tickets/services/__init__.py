"""Deletion tickets: a user opens one for a package; staff take it, reply, ask for information, and approve (the
package is released) or reject it; the user replies or withdraws. By side: requester (open, reply, withdraw,
read) and staff (assign, reply, ask, note, approve, reject); every change of a ticket passes through
common.ticket_change. Every caller (views, the desk, the admin, commands, scenarios) goes through these names."""

from .common import (
    HANDLE_PERMISSION,
    MESSAGE_REQUIRED,
    MESSAGE_TOO_LONG,
    NOT_ALLOWED,
    NOT_REQUESTER,
    NOTE_TOO_LONG,
    OWN_TICKET,
    PRACTICE_TICKET,
    REASON_REQUIRED,
    REASON_TOO_LONG,
    REJECT_NOTE_REQUIRED,
    TICKET_GONE,
    TICKET_HANDLED,
    TRANSITION_REFUSED,
    UNKNOWN_PACKAGE,
)
from .requester import ticket_messages_read, ticket_open, ticket_user_reply, ticket_withdraw
from .staff import (
    approval_refund,
    ticket_approve,
    ticket_ask_information,
    ticket_assign,
    ticket_internal_note,
    ticket_reject,
    ticket_staff_reply,
)

__all__ = [
    "HANDLE_PERMISSION",
    "MESSAGE_REQUIRED",
    "MESSAGE_TOO_LONG",
    "NOT_ALLOWED",
    "NOT_REQUESTER",
    "NOTE_TOO_LONG",
    "OWN_TICKET",
    "PRACTICE_TICKET",
    "REASON_REQUIRED",
    "REASON_TOO_LONG",
    "REJECT_NOTE_REQUIRED",
    "TICKET_GONE",
    "TICKET_HANDLED",
    "TRANSITION_REFUSED",
    "UNKNOWN_PACKAGE",
    "approval_refund",
    "ticket_approve",
    "ticket_ask_information",
    "ticket_assign",
    "ticket_internal_note",
    "ticket_messages_read",
    "ticket_open",
    "ticket_reject",
    "ticket_staff_reply",
    "ticket_user_reply",
    "ticket_withdraw",
]
