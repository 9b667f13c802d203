"""Deletion tickets: a user opens one for a package; staff take it, reply, ask for information, and
approve (the package is released) or reject it; the user replies or withdraws. Every change of a
ticket passes through _ticket_change."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext, gettext_noop

from cenconsole.accounts.services import unread_tickets_set
from cenconsole.audit.services import audit_record
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import validate_multiline_text

from . import notifications
from .models import DeletionTicket, TicketMessage

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


def _clean_text(value, *, limit, too_long, required_message=None):
    """A person's multi-line text (reason, reply, note): stripped, within `limit`, and holding no
    control character but line breaks and tabs, and no bidi control (the names' rule)."""
    value = (value or "").strip()
    if required_message and not value:
        raise refusal(required_message, "required")
    if len(value) > limit:
        raise refusal(too_long, "max_length")
    validate_multiline_text(value)
    return value


def ticket_open(*, requester, package_id: str, reason: str, practice: bool = False) -> tuple[DeletionTicket, bool]:
    """Opens a Pending ticket for one of the requester's packages and cancels the package's unpaid
    orders (orders and tickets exclude each other), with the package's row locked like Pay locks it.
    A `practice` ticket (a workshop scenario's) stays out of the staff's desk and emails nobody.
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


def _ticket_change(
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
        _unread_refresh(ticket.requester_id)
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
    note = _clean_text(note, limit=1000, too_long=NOTE_TOO_LONG)
    ticket = _locked_ticket(ticket_id, staff)
    message = _ticket_change(
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
    note = _clean_text(note, limit=1000, too_long=NOTE_TOO_LONG, required_message=REJECT_NOTE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    _ticket_change(ticket=ticket, actor=staff, from_staff=True, text=note, new_status=DeletionTicket.Status.REJECTED)
    return ticket


@transaction.atomic
def ticket_internal_note(*, ticket_id, staff, note: str) -> TicketMessage:
    """An internal note: a staff-only message in the thread that changes nothing about the ticket
    (status, assignee, the SLA's clock) and is never shown to the user or emailed."""
    note = _clean_text(note, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    return _ticket_change(ticket=ticket, actor=staff, from_staff=True, text=note, internal=True)


@transaction.atomic
def ticket_assign(*, ticket_id, staff, note: str = "") -> DeletionTicket:
    """Assign to me: the staff member takes the ticket; a Pending ticket becomes Processing."""
    ticket = _locked_ticket(ticket_id, staff)
    new_status = DeletionTicket.Status.PROCESSING if ticket.status == DeletionTicket.Status.PENDING else None
    _ticket_change(ticket=ticket, actor=staff, from_staff=True, new_status=new_status, assign=True)
    return ticket


@transaction.atomic
def ticket_staff_reply(*, ticket_id, staff, note: str) -> DeletionTicket:
    """A staff reply in the conversation; a Pending ticket becomes Processing."""
    note = _clean_text(note, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    new_status = DeletionTicket.Status.PROCESSING if ticket.status == DeletionTicket.Status.PENDING else None
    _ticket_change(ticket=ticket, actor=staff, from_staff=True, text=note, new_status=new_status)
    return ticket


@transaction.atomic
def ticket_ask_information(*, ticket_id, staff, note: str) -> DeletionTicket:
    """Ask for information: the question goes to the user and the ticket is Awaiting your reply."""
    note = _clean_text(note, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    ticket = _locked_ticket(ticket_id, staff)
    _ticket_change(
        ticket=ticket, actor=staff, from_staff=True, text=note, new_status=DeletionTicket.Status.AWAITING_USER
    )
    return ticket


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
        text = _clean_text(text, limit=1000, too_long=MESSAGE_TOO_LONG, required_message=MESSAGE_REQUIRED)
    except ValidationError as error:
        raise ValidationError({"text": error}) from None
    ticket = _requester_ticket(requester=requester, ticket_id=ticket_id)
    new_status = DeletionTicket.Status.PROCESSING if ticket.status == DeletionTicket.Status.AWAITING_USER else None
    _ticket_change(ticket=ticket, actor=requester, from_staff=False, text=text, new_status=new_status)
    return ticket


@transaction.atomic
def ticket_withdraw(*, requester, ticket_id) -> DeletionTicket:
    """Withdraw: the user closes a ticket that is not handled; the package stays as it is."""
    ticket = _requester_ticket(requester=requester, ticket_id=ticket_id)
    _ticket_change(ticket=ticket, actor=requester, from_staff=False, new_status=DeletionTicket.Status.WITHDRAWN)
    return ticket


def _unread_refresh(requester_id) -> None:
    """Recounts the requester's tickets with an unread staff message, for the Tickets badge."""
    unread = TicketMessage.objects.unread_by_user().filter(ticket__requester_id=requester_id)
    unread_tickets_set(account=requester_id, count=unread.values("ticket_id").distinct().count())


@transaction.atomic
def ticket_messages_read(*, requester, ticket: DeletionTicket) -> int:
    """Marks the ticket's staff messages as read by its requester (they opened the ticket's page)."""
    if ticket.requester_id != requester.pk:
        return 0
    read = TicketMessage.objects.filter(ticket=ticket).unread_by_user().update(read_by_user_at=clock.now())
    if read:
        _unread_refresh(requester.pk)
    return read
