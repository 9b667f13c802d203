from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet

from cenconsole.audit.models import AuditRecord
from cenconsole.core import clock

from .models import DeletionTicket, TicketMessage


def tickets_for(*, requester) -> QuerySet[DeletionTicket]:
    return DeletionTicket.objects.filter(requester=requester).select_related(
        "package", "package__area_a", "package__area_b", "refund_order"
    )


def ticket_get(*, requester, ticket_id) -> DeletionTicket:
    """One of the requester's tickets; another account's raises DoesNotExist (a 404 in views)."""
    return tickets_for(requester=requester).get(pk=ticket_id)


def ticket_history(ticket: DeletionTicket) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.for_target(ticket).select_related("actor")



def ticket_thread(ticket: DeletionTicket) -> QuerySet[TicketMessage]:
    """The ticket's conversation, oldest first: the user's reason, then every reply and status change."""
    return ticket.messages.select_related("author")


def unread_ticket_ids(*, requester) -> set[int]:
    return set(
        TicketMessage.objects.unread_by_user().filter(ticket__requester=requester).values_list("ticket_id", flat=True)
    )


def queue_counts() -> dict:
    """The staff queue at a glance: open tickets, those nobody took, those past the SLA."""
    open_tickets = DeletionTicket.objects.open()
    since = clock.now() - timedelta(hours=settings.TICKET_SLA_HOURS)
    return {
        "open": open_tickets.count(),
        "unassigned": open_tickets.filter(assigned_to__isnull=True).count(),
        "overdue": DeletionTicket.objects.overdue(since=since).count(),
        "sla_hours": settings.TICKET_SLA_HOURS,
    }
