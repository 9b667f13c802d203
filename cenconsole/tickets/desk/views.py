"""The desk's pages: the queue, the queue's actions on ticked tickets, a ticket's page and its buttons.
Who may: access.desk_view. What a button does: handling (tickets.services, through ticket_handle)."""

from decimal import Decimal

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from cenconsole.core.page_cache import cached_page

from .. import selectors, services
from ..forms import StaffNoteForm
from ..models import DeletionTicket
from . import queue as queue_page
from .access import HANDLE_PERMISSION, VIEW_PERMISSION, desk_page, desk_view
from .forms import QueueQueryForm, SelectedTicketsForm
from .handling import BULK_ACTIONS, HANDLERS, OUTCOMES, suggested_verb, ticket_handle

# The admin's own words, kept: staff read them where the desk lived in the admin.
NO_ACTION = _("No action selected.")
NOTHING_SELECTED = _("Items must be selected in order to perform actions on them. No items have been changed.")
TICKET_MISSING = _("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?")
TICKET_RELATED = (
    "package",
    "package__area_a",
    "package__area_b",
    "requester",
    "assigned_to",
    "handled_by",
    "refund_order",
)


@desk_view(VIEW_PERMISSION)
@require_GET
@cached_page
def queue(request):
    """The queue: its filters with their counts, a search, the tickets (longest waiting first, or by a
    column) and, for staff who handle tickets, the Action menu over the ticked ones."""
    query = QueueQueryForm(request.GET)
    parts, address = query.parts(), query.address()
    tickets = selectors.desk_queue(
        staff=request.user, queue=parts["queue"], status=parts["status__exact"], search=parts["q"], sort=parts["o"]
    )
    page = Paginator(tickets, queue_page.PAGE_SIZE).get_page(parts["p"])
    counts = selectors.queue_filter_counts(staff=request.user)
    queues, statuses = queue_page.filter_links(
        address, counts=counts, queue=parts["queue"], status=parts["status__exact"]
    )
    context = {
        "title": _("Deletion ticket queue"),
        "opts": DeletionTicket._meta,
        "queues": queues,
        "statuses": statuses,
        "clear_filters": queue_page.clear_filters_link(address),
        "search": parts["q"],
        "search_keeps": {name: value for name, value in address.items() if name != "q"},
        "result_count": page.paginator.count,
        "full_count": counts["all"],
        "headers": queue_page.column_headers(address, sort=parts["o"]),
        "rows": [queue_page.queue_row(ticket) for ticket in page],
        "page": page,
        "page_links": queue_page.page_links(page, address) if page.paginator.num_pages > 1 else [],
        "can_handle": request.user.has_perm(HANDLE_PERMISSION),
        "actions": [(name, label) for name, (_verb, label) in BULK_ACTIONS.items()],
        "selection_note": gettext("0 of %(cnt)s selected") % {"cnt": len(page.object_list)},
        "selected_url": queue_page.query_string(address),
    }
    return desk_page(request, "tickets/desk/queue.html", context)


@desk_view(HANDLE_PERMISSION)
@require_POST
def selected(request):
    """The queue's Action menu on the ticked tickets: Assign to me at once; Approve and Reject first ask,
    on a page of their own, for the note the users will read. Then back to the queue as it was."""
    back = queue_page.queue_url(QueueQueryForm(request.GET).address())
    form = SelectedTicketsForm(request.POST)
    form.is_valid()
    action = form.cleaned_data.get("action")
    if not action:
        messages.warning(request, NO_ACTION)
        return redirect(back)
    tickets = DeletionTicket.objects.desk().filter(pk__in=form.cleaned_data.get("_selected_action") or [])
    tickets = list(tickets.select_related("package", "requester").order_by(*selectors.QUEUE_ORDERING))
    if not tickets:
        messages.warning(request, NOTHING_SELECTED)
        return redirect(back)
    verb, title = BULK_ACTIONS[action]
    note_form = StaffNoteForm(request.POST if "apply" in request.POST or verb == "assign" else None)
    if note_form.is_bound and note_form.is_valid():
        for ticket in tickets:
            ticket_handle(request, ticket, verb, note_form.cleaned_data["note"])
        return redirect(back)
    context = {
        "title": title,
        "opts": DeletionTicket._meta,
        "tickets": tickets,
        "form": note_form,
        "action": action,
        "verb": verb,
        "back": back,
    }
    return desk_page(request, "tickets/desk/handle_selected.html", context)


@desk_view(VIEW_PERMISSION)
@require_GET
@cached_page
def ticket(request, ticket_id):
    """A ticket's page: the actions at the top, the one thread, the requester's context beside it."""
    found = DeletionTicket.objects.desk().select_related(*TICKET_RELATED).filter(pk=ticket_id).first()
    if found is None:
        missing = {"name": DeletionTicket._meta.verbose_name, "key": ticket_id}
        messages.warning(request, TICKET_MISSING % missing)
        return redirect("desk:queue")
    return _ticket_page(request, found, StaffNoteForm())


def _ticket_page(request, ticket, form, *, saved_reply=None):
    # Nobody handles their own ticket (the service refuses it too): no buttons, and why.
    own_ticket = ticket.requester_id == request.user.pk
    can_handle = request.user.has_perm(HANDLE_PERMISSION) and not own_ticket
    refund_amount = services.approval_refund(ticket) if ticket.is_open else None
    refundable = bool(refund_amount) and not ticket.package.is_cross_border
    context = {
        "title": str(ticket),
        "opts": DeletionTicket._meta,
        "ticket": ticket,
        "note_form": form,
        "can_handle": can_handle,
        "own_ticket": own_ticket,
        "assigned_to_me": ticket.assigned_to_id == request.user.pk,
        "refund_amount": refund_amount,
        "package_cross_border": ticket.package.is_cross_border,
        "thread": selectors.ticket_thread(ticket, staff=True),
        "requester": selectors.requester_context(ticket),
        "emails": ticket.notifications.all(),
        "waiting": queue_page.waiting_cell(ticket),
        "saved_replies": selectors.saved_replies() if can_handle else [],
        "saved_reply": saved_reply,
        "suggested_verb": suggested_verb(saved_reply, refundable=refundable),
    }
    return desk_page(request, "tickets/desk/ticket.html", context)


@desk_view(HANDLE_PERMISSION)
@require_POST
def ticket_action(request, ticket_id, verb):
    """The ticket page's buttons. An outcome is done only once its confirmation page is confirmed."""
    if verb not in HANDLERS and verb != "insert":
        raise Http404("No such button.")
    ticket = get_object_or_404(
        DeletionTicket.objects.desk().select_related("package", "requester", "assigned_to", "refund_order"),
        pk=ticket_id,
    )
    form = StaffNoteForm(request.POST)
    if verb == "insert":
        return _insert_saved_reply(request, ticket, form)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["note"]))
        return _ticket_page(request, ticket, form)
    # One's own ticket is never confirmed: the service's refusal says why at once.
    own_ticket = ticket.requester_id == request.user.pk
    if verb in OUTCOMES and ticket.is_open and not own_ticket and request.POST.get("confirmed") != "1":
        return _confirm_outcome(request, ticket, verb, form)
    done = ticket_handle(request, ticket, verb, form.cleaned_data["note"])
    if done and "next" in request.POST:
        following = selectors.next_ticket(staff=request.user, after=ticket)
        if following is None:
            messages.info(request, gettext("No open ticket is left in your queue."))
            return redirect("desk:queue")
        return redirect("desk:ticket", ticket_id=following.pk)
    if not done and verb != "assign":
        ticket.refresh_from_db()
        return _ticket_page(request, ticket, form)
    return redirect("desk:ticket", ticket_id=ticket.pk)


def _insert_saved_reply(request, ticket, form):
    """Insert: the saved reply, filled in for this ticket, joins what is in the reply box, to edit
    before sending (a page of its own, so it works without JavaScript)."""
    chosen = request.POST.get("saved_reply", "")
    saved_reply = None
    if chosen.isascii() and chosen.isdigit():
        saved_reply = selectors.saved_replies().filter(pk=int(chosen)).first()
    typed = form.data.get("note", "").strip()
    if saved_reply is None:
        messages.error(request, gettext("Choose a saved reply to insert."))
        return _ticket_page(request, ticket, StaffNoteForm(initial={"note": typed}))
    text = selectors.saved_reply_fill(saved_reply, ticket)
    note = f"{typed}\n\n{text}" if typed else text
    return _ticket_page(request, ticket, StaffNoteForm(initial={"note": note}), saved_reply=saved_reply)


def _confirm_outcome(request, ticket, verb, form):
    """Release (with or without refund) and Reject: first a page stating what will happen."""
    note = form.cleaned_data["note"]
    if verb == "reject" and not note.strip():
        messages.error(request, gettext(services.REJECT_NOTE_REQUIRED))
        return _ticket_page(request, ticket, form)
    refund = services.approval_refund(ticket) if verb == "approve_refund" else Decimal("0")
    context = {
        "title": _("Confirm: %(outcome)s, ticket %(number)s") % {"outcome": OUTCOMES[verb], "number": ticket.number},
        "opts": DeletionTicket._meta,
        "ticket": ticket,
        "verb": verb,
        "outcome": OUTCOMES[verb],
        "preview": selectors.outcome_preview(ticket, verb=verb, note=note, refund=refund),
        "form": form,
    }
    return desk_page(request, "tickets/desk/confirm_outcome.html", context)


def moved_button(request, ticket_id, verb):
    """A button of a ticket's page that was opened in the admin, before the desk moved here: its POST
    goes on to the desk's button as it was (308), which checks who may."""
    return redirect("desk:ticket_action", ticket_id=ticket_id, verb=verb, permanent=True, preserve_request=True)
