"""The requester's side of a deletion ticket: open it (Request Deletion), reply, withdraw, read."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal

from .. import notifications
from ..models import DeletionTicket, TicketMessage
from .common import (
    MESSAGE_REQUIRED,
    MESSAGE_TOO_LONG,
    NOT_REQUESTER,
    REASON_REQUIRED,
    REASON_TOO_LONG,
    UNKNOWN_PACKAGE,
    clean_text,
    ticket_change,
    unread_refresh,
)


def ticket_open(*, requester, package_id: str, reason: str, practice: bool = False) -> tuple[DeletionTicket, bool]:
    """Opens a Pending ticket for one of the requester's packages and cancels the package's unpaid
    orders (orders and tickets exclude each other), with the package's row locked like Pay locks it.
    A `practice` ticket (a workshop scenario's) stays out of the staff's desk and emails nobody.
    If the package already has an open ticket, that ticket is returned instead (created is False).
    The cancelled orders' numbers are on the ticket as `cancelled_orders`."""
    try:
        reason = clean_text(reason, limit=1000, too_long=REASON_TOO_LONG, required_message=REASON_REQUIRED)
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
            now = clock.now()
            ticket = DeletionTicket.objects.create(
                requester=requester,
                package=package,
                reason=reason,
                created_at=now,
                awaiting_staff_since=clock.real_now(),  # the staff's SLA runs on real time
                practice=practice,
            )
            ticket.cancelled_orders = bandwidth_services.package_orders_cancel_unpaid(package=package)
            audit_record(
                actor=requester,
                action="ticket.opened",
                target=ticket,
                changes={"status": (None, ticket.status)},
                note=reason,
            )
            message = TicketMessage.objects.create(
                ticket=ticket, author=requester, text=reason, new_status=ticket.status, created_at=now
            )
            if not practice:
                notifications.notify_staff(ticket=ticket, event="opened", message=message)
    except IntegrityError:
        # A concurrent request opened the package's ticket first: that one is the open ticket.
        ticket = DeletionTicket.objects.open().get(package_id=package_id)
        ticket.cancelled_orders = []
        return ticket, False
    return ticket, True


def _requester_ticket(*, requester, ticket_id) -> DeletionTicket:
    """The requester's ticket, its package's row locked first (the order every ticket change locks in)."""
    package_id = (
        DeletionTicket.objects.filter(requester=requester, pk=ticket_id).values_list("package_id", flat=True).first()
    )
    if package_id is None:
        raise refusal(NOT_REQUESTER, "not_requester")
    BandwidthPackage.objects.select_for_update().filter(pk=package_id).first()
    return DeletionTicket.objects.select_for_update().select_related("package").get(pk=ticket_id)


@transaction.atomic
def ticket_user_reply(*, requester, ticket_id, text: str) -> DeletionTicket:
    """The user's Send Reply: a ticket Awaiting your reply goes back to Processing."""
    try:
        text = clean_text(text, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    except ValidationError as error:
        raise ValidationError({"text": error}) from None
    ticket = _requester_ticket(requester=requester, ticket_id=ticket_id)
    new_status = DeletionTicket.Status.PROCESSING if ticket.status == DeletionTicket.Status.AWAITING_USER else None
    ticket_change(ticket=ticket, actor=requester, from_staff=False, text=text, new_status=new_status)
    return ticket


@transaction.atomic
def ticket_withdraw(*, requester, ticket_id) -> DeletionTicket:
    """Withdraw: the user closes a ticket that is not handled; the package stays as it is."""
    ticket = _requester_ticket(requester=requester, ticket_id=ticket_id)
    ticket_change(ticket=ticket, actor=requester, from_staff=False, new_status=DeletionTicket.Status.WITHDRAWN)
    return ticket


@transaction.atomic
def ticket_messages_read(*, requester, ticket: DeletionTicket) -> int:
    """Marks the ticket's staff messages as read by its requester (they opened the ticket's page)."""
    if ticket.requester_id != requester.pk:
        return 0
    read = TicketMessage.objects.filter(ticket=ticket).unread_by_user().update(read_by_user_at=clock.now())
    if read:
        unread_refresh(requester.pk)
    return read
