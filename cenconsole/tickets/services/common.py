"""What every change of a deletion ticket shares: the messages, the text rule, and ticket_change, the one
function every change passes through (status, assignment, the SLA's clock, the conversation, the audit and the
emails)."""

from django.utils.translation import gettext_noop

from cenconsole.accounts.services import unread_tickets_set
from cenconsole.audit.services import audit_record
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.core import clock
from cenconsole.core.errors import refusal
from cenconsole.core.validators import validate_multiline_text

from .. import notifications
from ..models import DeletionTicket, TicketMessage

REASON_REQUIRED = gettext_noop("Enter a reason for deleting the bandwidth package.")
REASON_TOO_LONG = gettext_noop("The reason must be at most 1,000 characters.")
NOTE_TOO_LONG = gettext_noop("The staff note must be at most 1,000 characters.")
UNKNOWN_PACKAGE = bandwidth_services.UNKNOWN_PACKAGE
TICKET_HANDLED = gettext_noop("Ticket %(number)s was already %(status)s; a handled ticket cannot be handled again.")
TRANSITION_REFUSED = gettext_noop("Ticket %(number)s is %(old)s: it cannot become %(new)s.")
MESSAGE_REQUIRED = gettext_noop("Enter a message.")
MESSAGE_TOO_LONG = gettext_noop("The message must be at most 1,000 characters.")
REJECT_NOTE_REQUIRED = gettext_noop("Enter a note telling the user why the ticket is rejected.")
NOT_REQUESTER = gettext_noop("Only the ticket's requester can do this.")
NOT_ALLOWED = gettext_noop("You do not have permission to handle deletion tickets.")
OWN_TICKET = gettext_noop("Ticket %(number)s is your own ticket: another member of Support staff must handle it.")
PRACTICE_TICKET = gettext_noop(
    "Ticket %(number)s is a workshop's practice ticket: staff do not handle it. The trainee withdraws it, "
    "or it goes when the workshop ends."
)
TICKET_GONE = gettext_noop("This ticket no longer exists (its demo account was reset or removed).")
HANDLE_PERMISSION = "tickets.handle_deletionticket"


def clean_text(value, *, limit, too_long, required_message=None):
    """A person's multi-line text (reason, reply, note): stripped, within `limit`, and holding no
    control character but line breaks and tabs, and no bidi control (the names' rule)."""
    value = (value or "").strip()
    if required_message and not value:
        raise refusal(required_message, "required")
    if len(value) > limit:
        raise refusal(too_long, "max_length")
    validate_multiline_text(value)
    return value


def ticket_change(
    *,
    ticket: DeletionTicket,
    actor,
    from_staff: bool,
    text: str = "",
    new_status: str | None = None,
    assign: bool = False,
    internal: bool = False,
    notify: bool = True,
) -> TicketMessage | None:
    """The one function every change of a ticket passes through: checks the transition against
    ALLOWED_TRANSITIONS, applies the status and the queue's fields (assignment, the SLA's clock), adds
    the conversation's message, audits it and queues the emails. `ticket` is locked by the caller.
    An `internal` note is staff's alone: it changes no status, assignment or SLA clock and is never
    emailed. With `notify` False the caller sends the user's email itself (the outcome, once the
    refund is known)."""
    if internal:
        return _internal_note_add(ticket=ticket, actor=actor, text=text)
    old_status = ticket.status
    if not ticket.is_open:
        raise refusal(
            TICKET_HANDLED, "ticket_handled", number=ticket.number, status=ticket.get_status_display().lower()
        )
    if new_status == old_status:
        new_status = None
    if new_status and new_status not in DeletionTicket.ALLOWED_TRANSITIONS[old_status]:
        raise refusal(
            TRANSITION_REFUSED,
            "transition_refused",
            number=ticket.number,
            old=ticket.get_status_display(),
            new=DeletionTicket.Status(new_status).label,
        )
    now = clock.now()
    changes, fields = {}, set()
    if new_status:
        changes["status"] = (old_status, new_status)
        ticket.status = new_status
        fields.add("status")
        if not ticket.is_open:
            ticket.handled_at, ticket.handled_by = now, actor if from_staff else None
            fields |= {"handled_at", "handled_by"}
            if from_staff:
                ticket.staff_note = text
                fields.add("staff_note")
    # Whoever on the staff works on an unassigned open ticket takes it; whoever decides it handled it.
    takes = assign or ticket.assigned_to_id is None or not ticket.is_open
    if from_staff and takes and ticket.assigned_to_id != actor.pk:
        changes["assigned_to"] = (getattr(ticket.assigned_to, "username", None), actor.username)
        ticket.assigned_to = actor
        fields.add("assigned_to")
    # The SLA's clock runs from the user's first unanswered word until a staff answer (taking the
    # ticket is not one) or the ticket is closed.
    if not ticket.is_open or (from_staff and text):
        waiting = None
    elif not from_staff:
        waiting = ticket.awaiting_staff_since or clock.real_now()  # the staff's SLA: real time
    else:
        waiting = ticket.awaiting_staff_since
    if waiting != ticket.awaiting_staff_since:
        ticket.awaiting_staff_since = waiting
        fields.add("awaiting_staff_since")
    if fields:
        ticket.save(update_fields=sorted(fields))
    if new_status:
        action = f"ticket.{new_status.lower()}"
    else:
        action = "ticket.reply" if text else "ticket.assigned"
    audit_record(actor=actor, action=action, target=ticket, changes=changes, note=text)
    if not (text or new_status):
        return None  # a bare (re)assignment: audited, not part of the conversation
    message = TicketMessage.objects.create(
        ticket=ticket,
        author=actor,
        from_staff=from_staff,
        text=text,
        old_status=old_status if new_status else "",
        new_status=new_status or "",
        created_at=now,
    )
    if from_staff:
        unread_refresh(ticket.requester_id)
        event = "outcome" if not ticket.is_open else ("reply" if text else "status")
        if notify:
            notifications.notify_user(ticket=ticket, event=event, message=message)
    elif ticket.is_open and not ticket.practice:
        notifications.notify_staff(ticket=ticket, event="reply", message=message)
    return message


def _internal_note_add(*, ticket: DeletionTicket, actor, text: str) -> TicketMessage:
    """An internal note in the thread: audited, and nothing else about the ticket changes."""
    if not ticket.is_open:
        raise refusal(
            TICKET_HANDLED, "ticket_handled", number=ticket.number, status=ticket.get_status_display().lower()
        )
    audit_record(actor=actor, action="ticket.internal_note", target=ticket, note=text)
    return TicketMessage.objects.create(
        ticket=ticket, author=actor, from_staff=True, internal=True, text=text, created_at=clock.now()
    )


def unread_refresh(requester_id) -> None:
    """Recounts the requester's tickets with an unread staff message, for the Tickets badge."""
    unread = TicketMessage.objects.unread_by_user().filter(ticket__requester_id=requester_id)
    unread_tickets_set(account=requester_id, count=unread.values("ticket_id").distinct().count())
