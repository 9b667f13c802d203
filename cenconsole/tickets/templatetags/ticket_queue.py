from django import template

from cenconsole.tickets import selectors
from cenconsole.tickets.services import HANDLE_PERMISSION

register = template.Library()


@register.inclusion_tag("admin/tickets/queue_counts.html", takes_context=True)
def ticket_queue_counts(context):
    """Open, unassigned and overdue tickets, for the admin's index (staff who handle tickets only)."""
    user = context["request"].user
    if not user.has_perm(HANDLE_PERMISSION):
        return {"counts": None}
    return {"counts": selectors.queue_counts()}
