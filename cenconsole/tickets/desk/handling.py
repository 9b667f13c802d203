"""The desk's buttons and what each one does: the service it calls and the message staff read after."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from .. import services

HANDLERS = {
    "assign": (services.ticket_assign, _("Ticket {number} is assigned to you.")),
    "reply": (services.ticket_staff_reply, _("Your reply on ticket {number} was sent.")),
    "ask_info": (services.ticket_ask_information, _("Ticket {number} is awaiting the user's reply.")),
    "note": (services.ticket_internal_note, _("Internal note added to ticket {number}. The user does not see it.")),
    "approve": (services.ticket_approve, _("Ticket {number} approved.")),
    "approve_refund": (
        partial(services.ticket_approve, refund=True),
        _("Ticket {number} approved. The package's unused time was refunded."),
    ),
    "reject": (services.ticket_reject, _("Ticket {number} rejected.")),
}
# The outcomes: each opens a confirmation page stating what will happen before it is done.
OUTCOMES = {
    "approve_refund": _("Release and refund unused time"),
    "approve": _("Release without refund"),
    "reject": _("Reject"),
}
# The queue's actions on selected tickets: the button each one is, and its name in the Action menu
# (for Approve and Reject, also the title of the page asking for the note).
BULK_ACTIONS = {
    "assign_selected": ("assign", _("Assign to me")),
    "approve_selected": ("approve", _("Approve selected tickets")),
    "reject_selected": ("reject", _("Reject selected tickets")),
}
# The saved reply's status change, as the ticket page's button that does it. A Release reply suggests
# Release and refund unused time where a refund is due, else Release without refund.
SAVED_REPLY_VERBS = {"reply": "reply", "ask_info": "ask_info", "release": "approve_refund", "reject": "reject"}


def suggested_verb(saved_reply, *, refundable: bool) -> str | None:
    """The button an inserted saved reply is meant for."""
    verb = SAVED_REPLY_VERBS.get(saved_reply.action) if saved_reply else None
    return "approve" if verb == "approve_refund" and not refundable else verb


def ticket_handle(request, ticket, verb: str, note: str) -> bool:
    """Presses one button for one ticket: the service does it (or refuses, saying why), and the
    message says which. True when it was done."""
    handler, done = HANDLERS[verb]
    try:
        handler(ticket_id=ticket.pk, staff=request.user, note=note)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return False
    messages.success(request, str(done).format(number=ticket.number))
    return True
