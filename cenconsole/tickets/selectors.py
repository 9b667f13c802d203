from django.db.models import QuerySet

from cenconsole.audit.models import AuditRecord

from .models import DeletionTicket


def tickets_for(*, requester) -> QuerySet[DeletionTicket]:
    return DeletionTicket.objects.filter(requester=requester).select_related(
        "package", "package__area_a", "package__area_b", "refund_order"
    )


def ticket_get(*, requester, ticket_id) -> DeletionTicket:
    """One of the requester's tickets; another account's raises DoesNotExist (a 404 in views)."""
    return tickets_for(requester=requester).get(pk=ticket_id)


def ticket_history(ticket: DeletionTicket) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.for_target(ticket).select_related("actor")

