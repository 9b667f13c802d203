"""The staff's side of a deletion ticket (the desk, the admin, commands): take it, reply, ask for information,
add an internal note, approve (the package released, the unused time refunded if chosen) or reject."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.core import clock
from cenconsole.core.errors import refusal

from .. import notifications
from ..models import DeletionTicket, TicketMessage
from .common import (
    HANDLE_PERMISSION,
    MESSAGE_REQUIRED,
    MESSAGE_TOO_LONG,
    NOT_ALLOWED,
    NOTE_TOO_LONG,
    OWN_TICKET,
    PRACTICE_TICKET,
    REJECT_NOTE_REQUIRED,
    TICKET_GONE,
    clean_text,
    ticket_change,
)


def _locked_ticket(ticket_id, staff) -> DeletionTicket:
    """The ticket, its package's row locked first (the order Pay and Request Deletion lock in)."""
    if not staff.has_perm(HANDLE_PERMISSION):
        raise PermissionDenied(gettext(NOT_ALLOWED))
    row = DeletionTicket.objects.filter(pk=ticket_id).values_list("package_id", "requester_id", "practice").first()
    if row is None:
        raise refusal(TICKET_GONE, "ticket_gone")
    package_id, requester_id, practice = row
    if practice:
        # A workshop's practice ticket is the trainee's exercise: no staff work (above all no
        # approval, which would release their package mid-exercise), whoever asks.
        raise refusal(PRACTICE_TICKET, "practice_ticket", number=DeletionTicket(pk=ticket_id).number)
    if requester_id == staff.pk:
        # Nobody handles their own ticket, whichever caller (admin, its actions, the shell) asks.
        raise PermissionDenied(gettext(OWN_TICKET) % {"number": DeletionTicket(pk=ticket_id).number})
    BandwidthPackage.objects.select_for_update().filter(pk=package_id).first()
    ticket = DeletionTicket.objects.select_for_update().select_related("package", "requester").filter(pk=ticket_id)
    ticket = ticket.first()
    if ticket is None:  # Reset demo removed it while we waited for the package's lock
        raise refusal(TICKET_GONE, "ticket_gone")
    return ticket


def approval_refund(ticket: DeletionTicket):
    """What **Release and refund unused time** would return for the ticket's package now, on its
    owner's clock (whoever asks): the unused share of what was paid for it, nothing for a
    cross-border or expired package."""
    with clock.account_time(ticket.requester.clock_offset):
        return bandwidth_services.release_refund(package=ticket.package)


@transaction.atomic
def ticket_approve(*, ticket_id, staff, note: str = "", refund: bool = False) -> DeletionTicket:
    """Approves a Pending ticket: the package's region connections are removed and the package is
    released, in the same transaction as the ticket's change. With `refund`, the unused share of
    what was paid for it is refunded (a Refund order, on the ticket as `refund_order`)."""
    note = clean_text(note, limit=1000, too_long=NOTE_TOO_LONG)
    ticket = _locked_ticket(ticket_id, staff)
    message = ticket_change(
        ticket=ticket,
        actor=staff,
        from_staff=True,
        text=note,
        new_status=DeletionTicket.Status.APPROVED,
        notify=False,
    )
    # The package's release and refund happen on its owner's clock (a demo's test clock), where its
    # terms were paid: the refund is priced and dated there, whoever approves.
    with clock.account_time(ticket.requester.clock_offset):
        amount = approval_refund(ticket) if refund else 0
        package = bandwidth_services.package_release(
            package_id=ticket.package_id, actor=staff, reason=f"Deletion ticket {ticket.number} approved."
        )
        ticket.package = package
        if amount:
            ticket.refund_order = bandwidth_services.refund_create(
                package=package,
                amount=amount,
                now=clock.now(),
                note=f"Deletion ticket {ticket.number}: unused paid time.",
            )
            ticket.save(update_fields=["refund_order"])
    # The outcome email says what was released, when, and what came back: known only now.
    notifications.notify_user(ticket=ticket, event="outcome", message=message)
    return ticket


@transaction.atomic
def ticket_reject(*, ticket_id, staff, note: str = "") -> DeletionTicket:
    """Rejects an open ticket with a note telling the user why; the package is untouched."""
    note = clean_text(note, limit=1000, too_long=NOTE_TOO_LONG, required_message=REJECT_NOTE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    ticket_change(ticket=ticket, actor=staff, from_staff=True, text=note, new_status=DeletionTicket.Status.REJECTED)
    return ticket


@transaction.atomic
def ticket_internal_note(*, ticket_id, staff, note: str) -> TicketMessage:
    """An internal note: a staff-only message in the thread that changes nothing about the ticket
    (status, assignee, the SLA's clock) and is never shown to the user or emailed."""
    note = clean_text(note, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    return ticket_change(ticket=ticket, actor=staff, from_staff=True, text=note, internal=True)


@transaction.atomic
def ticket_assign(*, ticket_id, staff, note: str = "") -> DeletionTicket:
    """Assign to me: the staff member takes the ticket; a Pending ticket becomes Processing."""
    ticket = _locked_ticket(ticket_id, staff)
    new_status = DeletionTicket.Status.PROCESSING if ticket.status == DeletionTicket.Status.PENDING else None
    ticket_change(ticket=ticket, actor=staff, from_staff=True, new_status=new_status, assign=True)
    return ticket


@transaction.atomic
def ticket_staff_reply(*, ticket_id, staff, note: str) -> DeletionTicket:
    """A staff reply in the conversation; a Pending ticket becomes Processing."""
    note = clean_text(note, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    new_status = DeletionTicket.Status.PROCESSING if ticket.status == DeletionTicket.Status.PENDING else None
    ticket_change(ticket=ticket, actor=staff, from_staff=True, text=note, new_status=new_status)
    return ticket


@transaction.atomic
def ticket_ask_information(*, ticket_id, staff, note: str) -> DeletionTicket:
    """Ask for information: the question goes to the user and the ticket is Awaiting your reply."""
    note = clean_text(note, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    ticket_change(
        ticket=ticket, actor=staff, from_staff=True, text=note, new_status=DeletionTicket.Status.AWAITING_USER
    )
    return ticket
