"""Deletion tickets: a user opens one for a package; staff approve (the package is released) or
reject it. Every change of a ticket passes through _ticket_transition."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext, gettext_noop

from cenconsole.audit.services import audit_record
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal

from .models import DeletionTicket

REASON_REQUIRED = gettext_noop("Enter a reason for deleting the bandwidth package.")
REASON_TOO_LONG = gettext_noop("The reason must be at most 1,000 characters.")
NOTE_TOO_LONG = gettext_noop("The staff note must be at most 1,000 characters.")
UNKNOWN_PACKAGE = bandwidth_services.UNKNOWN_PACKAGE
TICKET_HANDLED = gettext_noop("Ticket %(number)s was already %(status)s; a handled ticket cannot be handled again.")
NOT_ALLOWED = gettext_noop("You do not have permission to handle deletion tickets.")
HANDLE_PERMISSION = "tickets.handle_deletionticket"


def _clean_text(value, *, limit, too_long, required_message=None):
    value = (value or "").strip()
    if required_message and not value:
        raise refusal(required_message, "required")
    if len(value) > limit:
        raise refusal(too_long, "max_length")
    return value


def ticket_open(*, requester, package_id: str, reason: str) -> tuple[DeletionTicket, bool]:
    """Opens a Pending ticket for one of the requester's packages and cancels the package's unpaid
    orders (orders and tickets exclude each other), with the package's row locked like Pay locks it.
    If the package already has an open ticket, that ticket is returned instead (created is False).
    The cancelled orders' numbers are on the ticket as `cancelled_orders`."""
    try:
        reason = _clean_text(reason, limit=1000, too_long=REASON_TOO_LONG, required_message=REASON_REQUIRED)
    except ValidationError as error:
        raise ValidationError({"reason": error}) from None
    try:
        with transaction.atomic():
            package = (
                BandwidthPackage.objects.active().select_for_update().filter(owner=requester, pk=package_id).first()
            )
            if package is None:
                raise field_error("package", UNKNOWN_PACKAGE, "unknown_package")
            open_ticket = package.deletion_tickets.open().first()
            if open_ticket:
                open_ticket.cancelled_orders = []
                return open_ticket, False
            ticket = DeletionTicket.objects.create(requester=requester, package=package, reason=reason)
            ticket.cancelled_orders = bandwidth_services.package_orders_cancel_unpaid(package=package)
            audit_record(
                actor=requester,
                action="ticket.opened",
                target=ticket,
                changes={"status": (None, ticket.status)},
                note=reason,
            )
    except IntegrityError:
        # A concurrent request opened the package's ticket first: that one is the open ticket.
        ticket = DeletionTicket.objects.open().get(package_id=package_id)
        ticket.cancelled_orders = []
        return ticket, False
    return ticket, True


def _ticket_transition(*, ticket: DeletionTicket, new_status: str, staff, note: str) -> DeletionTicket:
    """Moves a locked ticket to new_status, if its allowed transitions permit, and audits it."""
    if new_status not in DeletionTicket.ALLOWED_TRANSITIONS[ticket.status]:
        raise refusal(
            TICKET_HANDLED, "ticket_handled", number=ticket.number, status=ticket.get_status_display().lower()
        )
    old_status = ticket.status
    ticket.status, ticket.handled_at, ticket.handled_by, ticket.staff_note = new_status, clock.now(), staff, note
    ticket.save(update_fields=["status", "handled_at", "handled_by", "staff_note"])
    audit_record(
        actor=staff,
        action=f"ticket.{new_status.lower()}",
        target=ticket,
        changes={"status": (old_status, new_status)},
        note=note,
    )
    return ticket


def _locked_ticket(ticket_id, staff) -> DeletionTicket:
    """The ticket, its package's row locked first (the order Pay and Request Deletion lock in)."""
    if not staff.has_perm(HANDLE_PERMISSION):
        raise PermissionDenied(gettext(NOT_ALLOWED))
    package_id = DeletionTicket.objects.values_list("package_id", flat=True).get(pk=ticket_id)
    BandwidthPackage.objects.select_for_update().filter(pk=package_id).first()
    return DeletionTicket.objects.select_for_update().select_related("package").get(pk=ticket_id)


def approval_refund(ticket: DeletionTicket):
    """What **Release and refund unused time** would return for the ticket's package now: its whole
    days left, nothing for a cross-border or expired package."""
    return bandwidth_services.release_refund(package=ticket.package)


@transaction.atomic
def ticket_approve(*, ticket_id, staff, note: str = "", refund: bool = False) -> DeletionTicket:
    """Approves a Pending ticket: the package's region connections are removed and the package is
    released, in the same transaction as the ticket's change. With `refund`, its unused whole days
    are refunded (a Refund order, on the ticket as `refund_order`)."""
    note = _clean_text(note, limit=1000, too_long=NOTE_TOO_LONG)
    ticket = _locked_ticket(ticket_id, staff)
    _ticket_transition(ticket=ticket, new_status=DeletionTicket.Status.APPROVED, staff=staff, note=note)
    amount = approval_refund(ticket) if refund else 0
    package = bandwidth_services.package_release(
        package_id=ticket.package_id, actor=staff, reason=f"Deletion ticket {ticket.number} approved."
    )
    if amount:
        ticket.refund_order = bandwidth_services.refund_create(
            package=package,
            amount=amount,
            now=clock.now(),
            note=f"Deletion ticket {ticket.number}: unused whole days.",
        )
        ticket.save(update_fields=["refund_order"])
    return ticket


@transaction.atomic
def ticket_reject(*, ticket_id, staff, note: str = "") -> DeletionTicket:
    """Rejects a Pending ticket; the package is untouched."""
    note = _clean_text(note, limit=1000, too_long=NOTE_TOO_LONG)
    ticket = _locked_ticket(ticket_id, staff)
    return _ticket_transition(ticket=ticket, new_status=DeletionTicket.Status.REJECTED, staff=staff, note=note)
