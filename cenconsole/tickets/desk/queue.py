"""The queue's page as staff see it: the filters with their counts, the columns and their order, each
row's cells, and links that keep the rest of the queue's address (filter, status, search, order)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from cenconsole.core import clock

from .. import selectors, services
from ..models import DeletionTicket, staff_status_label

# The queue opens on the open tickets that are nobody's yet or mine; the others are a filter away.
QUEUE_FILTERS = [
    (selectors.QUEUE_DEFAULT, _("Unassigned and mine")),
    ("unassigned", _("Unassigned")),
    ("mine", _("Assigned to me")),
    ("open", _("Open")),
    ("awaiting_user", _("Awaiting user")),
    ("overdue", _("Overdue")),
    ("handled", pgettext_lazy("ticket queue filter", "Handled")),
    ("all", _("All")),
]
# The columns, each with the key that sorts by it (selectors.QUEUE_SORTS) or None.
COLUMNS = [
    ("number", _("ticket ID")),
    ("package", _("bandwidth package")),
    (None, _("reason")),
    ("requester", _("requester")),
    ("status", _("status")),
    ("waiting", _("waiting for staff")),
    ("assignee", _("assigned to")),
    (None, _("refund on release")),
]
DEFAULT_SORT = "waiting"  # queue order: the longest waiting first
PAGE_SIZE = 100


def query_string(params: dict, **changes) -> str:
    """The queue's address with `changes` made (None removes a parameter). The page number is kept
    only when `changes` names it: another filter or order starts at its first page."""
    merged = {name: value for name, value in params.items() if name != "p"}
    for name, value in changes.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    return "?" + urlencode(merged)


def queue_url(params: dict) -> str:
    """The queue at this address (its filter, status, search and order)."""
    return reverse("desk:queue") + (f"?{urlencode(params)}" if params else "")


def filter_links(params: dict, *, counts: dict, queue: str, status: str) -> tuple[list, list]:
    """The queue's filters, each with how many tickets it holds (`counts`: selectors.queue_filter_counts),
    and the statuses in staff words. Choosing a queue filter drops the status (Approved among the open
    tickets would be empty)."""
    queues = [
        {
            "selected": queue == value,
            "query": query_string(params, queue=value, status__exact=None),
            "display": f"{label} ({counts[value]})",
        }
        for value, label in QUEUE_FILTERS
    ]
    statuses = [{"selected": not status, "query": query_string(params, status__exact=None), "display": _("All")}]
    statuses += [
        {
            "selected": status == value,
            "query": query_string(params, status__exact=value),
            "display": staff_status_label(value),
        }
        for value in DeletionTicket.Status.values
    ]
    return queues, statuses


def clear_filters_link(params: dict) -> str | None:
    """Clear all filters, while a filter or a status is chosen: back to the queue's default, the search
    and the order kept."""
    if not {"queue", "status__exact"} & params.keys():
        return None
    return query_string(params, queue=None, status__exact=None)


def column_headers(params: dict, *, sort: str) -> list[dict]:
    """Each column's header: a link that sorts by it (again: the other way round), and its order now."""
    sort = sort or DEFAULT_SORT
    headers = []
    for key, label in COLUMNS:
        if key is None:
            headers.append({"label": label, "sortable": False})
            continue
        order = {key: "ascending", f"-{key}": "descending"}.get(sort)
        following = f"-{key}" if order == "ascending" else key
        headers.append(
            {
                "label": label,
                "sortable": True,
                "order": order,
                "query": query_string(params, o=following),
                "unsorted": query_string(params, o=None),
            }
        )
    return headers


def page_links(page, params: dict) -> list[tuple]:
    """(number, address) for the pages around this one; (None, None) where pages are left out."""
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=3, on_ends=2):
        if number == page.paginator.ELLIPSIS:
            links.append((None, None))
        else:
            links.append((number, query_string(params, p=number)))
    return links


def waiting_cell(ticket: DeletionTicket) -> str:
    """How long the user has waited for a staff answer, flagged past TICKET_SLA_HOURS; never negative."""
    if not ticket.is_open or ticket.awaiting_staff_since is None:
        return "-"
    # The SLA runs on real time (awaiting_staff_since is real time, whatever the requester's clock).
    hours = max(0, int((clock.real_now() - ticket.awaiting_staff_since).total_seconds() // 3600))
    age = ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours}
    if ticket.awaiting_staff_since < selectors.sla_limit():
        return format_html(
            '<strong class="sla-overdue" title="{}">{} ⚠ {}</strong>',
            _("Waiting longer than the %(hours)s-hour target") % {"hours": settings.TICKET_SLA_HOURS},
            age,
            _("overdue"),
        )
    return age


def refund_cell(ticket: DeletionTicket) -> str:
    """What Release and refund unused time would return now (open tickets), or what it returned."""
    if ticket.refund_order_id:
        return format_html("USD {}", floatformat(ticket.refund_order.amount, "2g"))
    if not ticket.is_open:
        return "-"
    if ticket.package.is_cross_border:
        return _("non-refundable")
    return format_html("USD {}", floatformat(services.approval_refund(ticket), "2g"))


@dataclass(frozen=True)
class QueueRow:
    ticket: DeletionTicket
    reason_line: str  # the reason's first line, cut to 60 characters (the whole reason is its title)
    waiting: SafeString | str
    refund: SafeString | str


def queue_row(ticket: DeletionTicket) -> QueueRow:
    lines = ticket.reason.strip().splitlines()
    return QueueRow(
        ticket=ticket,
        reason_line=Truncator(lines[0]).chars(60) if lines else "",
        waiting=waiting_cell(ticket),
        refund=refund_cell(ticket),
    )
