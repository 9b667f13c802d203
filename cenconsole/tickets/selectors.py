import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet

from cenconsole.core import clock

from .models import DeletionTicket, SavedReply, TicketMessage


def tickets_for(*, requester) -> QuerySet[DeletionTicket]:
    return DeletionTicket.objects.filter(requester=requester).select_related(
        "package", "package__area_a", "package__area_b", "refund_order"
    )


def ticket_get(*, requester, ticket_id) -> DeletionTicket:
    """One of the requester's tickets; another account's raises DoesNotExist (a 404 in views)."""
    return tickets_for(requester=requester).get(pk=ticket_id)


def ticket_thread(ticket: DeletionTicket, *, staff: bool = False) -> QuerySet[TicketMessage]:
    """The ticket's conversation, oldest first: the user's reason, then every reply and status change.
    Only staff see the internal notes."""
    messages = ticket.messages.select_related("author")
    return messages if staff else messages.for_user()


def unread_ticket_ids(*, requester) -> set[int]:
    return set(
        TicketMessage.objects.unread_by_user().filter(ticket__requester=requester).values_list("ticket_id", flat=True)
    )


def queue_counts() -> dict:
    """The staff queue at a glance: open tickets, those nobody took, those past the SLA (a workshop's
    practice tickets are never the desk's)."""
    open_tickets = DeletionTicket.objects.desk().open()
    since = sla_limit()
    return {
        "open": open_tickets.count(),
        "unassigned": open_tickets.filter(assigned_to__isnull=True).count(),
        "overdue": DeletionTicket.objects.desk().overdue(since=since).count(),
        "sla_hours": settings.TICKET_SLA_HOURS,
    }


def sla_limit():
    """Tickets waiting for a staff answer since before this are overdue (real time, like the SLA)."""
    return clock.real_now() - timedelta(hours=settings.TICKET_SLA_HOURS)


# The queue's filters: what is nobody's yet or mine (the default), what waits for the user, what is done.
QUEUE_DEFAULT = "todo"


def queue_filter(queryset: QuerySet[DeletionTicket], *, name: str, staff) -> QuerySet[DeletionTicket]:
    """The tickets of one of the queue's filters; "todo" (open, unassigned or mine) is its default."""
    if name == QUEUE_DEFAULT:
        return queryset.open().filter(Q(assigned_to__isnull=True) | Q(assigned_to=staff))
    if name == "unassigned":
        return queryset.open().filter(assigned_to__isnull=True)
    if name == "mine":
        return queryset.open().filter(assigned_to=staff)
    if name == "open":
        return queryset.open()
    if name == "awaiting_user":
        return queryset.filter(status=DeletionTicket.Status.AWAITING_USER)
    if name == "overdue":
        return queryset.overdue(since=sla_limit())
    if name == "handled":
        return queryset.exclude(status__in=DeletionTicket.OPEN_STATUSES)
    return queryset


def queue_filter_counts(*, staff) -> dict[str, int]:
    """How many tickets each filter of the queue holds, in one query."""
    open_q = Q(status__in=DeletionTicket.OPEN_STATUSES)
    mine = Q(assigned_to=staff)
    unassigned = Q(assigned_to__isnull=True)
    return DeletionTicket.objects.desk().aggregate(
        todo=Count("pk", filter=open_q & (unassigned | mine)),
        unassigned=Count("pk", filter=open_q & unassigned),
        mine=Count("pk", filter=open_q & mine),
        open=Count("pk", filter=open_q),
        awaiting_user=Count("pk", filter=Q(status=DeletionTicket.Status.AWAITING_USER)),
        overdue=Count("pk", filter=open_q & Q(awaiting_staff_since__lt=sla_limit())),
        handled=Count("pk", filter=~open_q),
        all=Count("pk"),
    )


# Queue order: longest waiting for staff first, then the oldest ticket; those waiting for nobody last.
QUEUE_ORDERING = (F("awaiting_staff_since").asc(nulls_last=True), F("created_at").asc(), F("id").asc())
# The queue's other orders (a column's header): its key, and the field it sorts by.
QUEUE_SORTS = {
    "number": "pk",
    "package": "package__name",
    "requester": "requester__username",
    "status": "status",
    "waiting": "awaiting_staff_since",
    "assignee": "assigned_to__username",
}
# A ticket number searched for: TK000042, tk42 or 42 (at most 18 digits: a database integer).
TICKET_NUMBER = re.compile(r"(?:TK)?([0-9]{1,18})", re.IGNORECASE)


def desk_search(queryset: QuerySet[DeletionTicket], term: str) -> QuerySet[DeletionTicket]:
    """The queue's search: tickets whose package id or name, or requester's name or email, hold every
    word of `term`; and the ticket `term` names by its number (TK000042 or 42)."""
    words = term.split()
    if not words:
        return queryset
    matches = Q()
    for word in words:
        matches &= (
            Q(package__id__icontains=word)
            | Q(package__name__icontains=word)
            | Q(requester__username__icontains=word)
            | Q(requester__email__icontains=word)
        )
    number = TICKET_NUMBER.fullmatch(term.strip())
    if number:
        matches |= Q(pk=int(number.group(1)))
    return queryset.filter(matches)


def desk_queue(*, staff, queue: str, status: str = "", search: str = "", sort: str = "") -> QuerySet[DeletionTicket]:
    """The desk's list: one of the queue's filters, a status, a search, sorted by a column (`sort`,
    "-" first for descending) or in queue order. Never a workshop's practice ticket."""
    tickets = queue_filter(DeletionTicket.objects.desk(), name=queue, staff=staff)
    if status:
        tickets = tickets.filter(status=status)
    tickets = desk_search(tickets, search)
    field = QUEUE_SORTS.get(sort.removeprefix("-"))
    if field is None:
        ordering = QUEUE_ORDERING
    else:
        column = F(field).desc(nulls_last=True) if sort.startswith("-") else F(field).asc(nulls_last=True)
        ordering = (column, F("id").asc())
    return tickets.select_related(
        "package", "package__area_a", "package__area_b", "requester", "assigned_to", "refund_order"
    ).order_by(*ordering)


def next_ticket(*, staff, after: DeletionTicket) -> DeletionTicket | None:
    """Save and next ticket: the first open ticket of the queue's default (unassigned and mine), in
    queue order, other than `after`."""
    queue = queue_filter(DeletionTicket.objects.desk(), name=QUEUE_DEFAULT, staff=staff).exclude(pk=after.pk)
    return queue.order_by(*QUEUE_ORDERING).first()


def saved_replies() -> QuerySet[SavedReply]:
    return SavedReply.objects.all()


PLACEHOLDER = re.compile(r"\{(ticket|package|user)\}")


def saved_reply_fill(saved_reply: SavedReply, ticket: DeletionTicket) -> str:
    """The saved reply's text for this ticket: {ticket}, {package} and {user} filled in; any other
    brace is left as the staff wrote it."""
    values = {"ticket": ticket.number, "package": ticket.package_id, "user": ticket.requester.username}
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], saved_reply.text)


@dataclass(frozen=True)
class OutcomePreview:
    """What an outcome will do, stated on its confirmation page before staff confirm."""

    verb: str
    releases: bool
    refund: Decimal
    non_refundable: bool
    connections: list
    note: str


def outcome_preview(ticket: DeletionTicket, *, verb: str, note: str, refund: Decimal) -> OutcomePreview:
    """Release with refund (approve_refund), Release without refund (approve) or Reject (reject).
    `refund` is what the approval would refund now (tickets.services.approval_refund, the amount the
    approval itself pays)."""
    releases = verb in ("approve", "approve_refund")
    refund = refund if verb == "approve_refund" else Decimal("0")
    connections = []
    if releases:
        connections = list(
            ticket.package.region_connections.select_related("local_region", "opposite_region", "cen_instance")
        )
    return OutcomePreview(
        verb=verb,
        releases=releases,
        refund=refund,
        non_refundable=ticket.package.is_cross_border,
        connections=connections,
        note=note,
    )


@dataclass(frozen=True)
class RequesterContext:
    """Beside a ticket on the staff's page: who asked, what they hold, what else they asked."""

    account: object
    package: object
    connections: list
    other_tickets: list


def requester_context(ticket: DeletionTicket) -> RequesterContext:
    package = ticket.package
    connections = list(package.region_connections.select_related("local_region", "opposite_region", "cen_instance"))
    other_tickets = list(
        DeletionTicket.objects.filter(requester_id=ticket.requester_id)
        .exclude(pk=ticket.pk)
        .select_related("package")
        .order_by("-created_at", "-id")[:20]
    )
    return RequesterContext(
        account=ticket.requester, package=package, connections=connections, other_tickets=other_tickets
    )
