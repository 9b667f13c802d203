from django.db.models import OuterRef, QuerySet, Subquery

from cenconsole.audit.models import AuditRecord

from .models import DeletionTicket


def tickets_for(*, requester) -> QuerySet[DeletionTicket]:
    return DeletionTicket.objects.filter(requester=requester).select_related(
        "package", "package__area_a", "package__area_b"
    )


def ticket_get(*, requester, ticket_id) -> DeletionTicket:
    """One of the requester's tickets; another account's raises DoesNotExist (a 404 in views)."""
    return tickets_for(requester=requester).get(pk=ticket_id)


def ticket_history(ticket: DeletionTicket) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.for_target(ticket).select_related("actor")


def open_ticket_id_subquery():
    """For annotating packages with their open ticket's id (None without one), in the same query."""
    return Subquery(
        DeletionTicket.objects.filter(package=OuterRef("pk"), status=DeletionTicket.Status.PENDING).values("pk")[:1]
    )
