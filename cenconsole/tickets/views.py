from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.bandwidth.selectors import packages_for, unpaid_orders_for_package
from cenconsole.core.forms import add_service_errors
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page

from . import selectors, services
from .forms import DeletionTicketForm, TicketReplyForm
from .models import DeletionTicket


@login_required
@require_http_methods(["GET", "POST"])
def request_deletion(request, package_id):
    """Request Deletion on a package row: the ticket form, or the open ticket if there is one."""
    package = get_object_or_404(packages_for(owner=request.user), pk=package_id)
    form = DeletionTicketForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket, created = services.ticket_open(
                requester=request.user, package_id=package.pk, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if created:
                messages.success(
                    request,
                    gettext("Ticket %(number)s was submitted. Support staff will handle it.")
                    % {"number": ticket.number},
                )
                if ticket.cancelled_orders:
                    messages.info(
                        request,
                        gettext("The package's unpaid orders were cancelled: %(orders)s.")
                        % {"orders": ", ".join(map(str, ticket.cancelled_orders))},
                    )
            else:
                messages.info(
                    request,
                    gettext("Deletion of %(package_id)s was already requested in ticket %(number)s.")
                    % {"package_id": package.pk, "number": ticket.number},
                )
            return redirect("tickets:ticket_detail", ticket_id=ticket.pk)
    open_ticket = None
    if package.open_ticket_id:
        open_ticket = DeletionTicket.objects.get(pk=package.open_ticket_id)
    context = {
        "package": package,
        "form": form,
        "open_ticket": open_ticket,
        "unpaid_orders": unpaid_orders_for_package(package=package),
    }
    return render_page(request, "tickets/request_deletion.html", context)


@login_required
@require_GET
@cached_page
def ticket_list(request):
    tickets = selectors.tickets_for(requester=request.user)[:500]
    unread = selectors.unread_ticket_ids(requester=request.user)
    return render_page(request, "tickets/ticket_list.html", {"tickets": tickets, "unread": unread})


def _own_ticket(request, ticket_id) -> DeletionTicket:
    try:
        return selectors.ticket_get(requester=request.user, ticket_id=ticket_id)
    except DeletionTicket.DoesNotExist:
        raise Http404("No such ticket.") from None


def _detail_page(request, ticket, form, status=200):
    context = {
        "ticket": ticket,
        "thread": selectors.ticket_thread(ticket),
        "reply_form": form,
    }
    return render_page(request, "tickets/ticket_detail.html", context, status=status)


@login_required
@require_GET
def ticket_detail(request, ticket_id):
    """The ticket's conversation; opening it marks the staff's replies as read."""
    ticket = _own_ticket(request, ticket_id)
    if services.ticket_messages_read(requester=request.user, ticket=ticket):
        request.user.refresh_from_db(fields=["unread_tickets"])  # this page's badge counts them as read
    return _detail_page(request, ticket, TicketReplyForm())


@login_required
@require_POST
def ticket_reply(request, ticket_id):
    """Send Reply: the user's answer joins the conversation."""
    ticket = _own_ticket(request, ticket_id)
    form = TicketReplyForm(request.POST)
    if form.is_valid():
        try:
            services.ticket_user_reply(requester=request.user, ticket_id=ticket.pk, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("Your reply was sent."))
            return redirect("tickets:ticket_detail", ticket_id=ticket.pk)
    return _detail_page(request, ticket, form)


@login_required
@require_POST
def ticket_withdraw(request, ticket_id):
    """Withdraw: the user closes a ticket that is not handled; the package stays."""
    ticket = _own_ticket(request, ticket_id)
    try:
        services.ticket_withdraw(requester=request.user, ticket_id=ticket.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        withdrawn = gettext("Ticket %(number)s was withdrawn. The bandwidth package stays.")
        messages.success(request, withdrawn % {"number": ticket.number})
    return redirect("tickets:ticket_detail", ticket_id=ticket.pk)
