from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.bandwidth.selectors import packages_for, unpaid_orders_for_package
from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import render_page

from . import selectors, services
from .forms import DeletionTicketForm
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
def ticket_list(request):
    tickets = selectors.tickets_for(requester=request.user)[:500]
    return render_page(request, "tickets/ticket_list.html", {"tickets": tickets})


@login_required
@require_GET
def ticket_detail(request, ticket_id):
    try:
        ticket = selectors.ticket_get(requester=request.user, ticket_id=ticket_id)
    except DeletionTicket.DoesNotExist:
        raise Http404("No such ticket.") from None
    context = {"ticket": ticket, "history": selectors.ticket_history(ticket)}
    return render_page(request, "tickets/ticket_detail.html", context)
