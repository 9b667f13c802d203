"""A trainee's pages: the join link (Join workshop), This workshop has ended, and the tour's progress
(a stop shown, posted by static/js/workshop.js)."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.accounts.backends import ACCOUNT_BACKEND
from cenconsole.core import clock
from cenconsole.core.forms import add_service_errors
from cenconsole.core.net import client_address
from cenconsole.core.rendering import render_page

from .. import selectors, services
from ..context_processors import (
    TOUR_PAGE_SESSION_KEY,
    TOUR_START_SESSION_KEY,
    TRAINEE_SESSION_KEY,
    WORKSHOP_SESSION_KEY,
)
from ..forms import JoinForm
from ..scenarios import SCENARIOS


def _codes(error: ValidationError) -> set:
    items = error.error_list if hasattr(error, "error_list") else [e for v in error.error_dict.values() for e in v]
    return {item.code for item in items}


@require_http_methods(["GET", "POST"])
def workshop_join(request, code):
    """The join link: a GET shows Join workshop (or why not), with an optional name for the board; the
    POST gives the visitor a sandbox seeded with the scenario, signs it in and opens the steps page of
    the scenario's tour (How to buy for the first), where the tour starts."""
    workshop = selectors.workshop_by_code(code)
    if workshop is None:
        raise Http404
    trainee = selectors.trainee_of(request.user) if request.user.is_authenticated else None
    seated = trainee is not None and trainee.workshop_id == workshop.pk
    form = JoinForm(request.POST if request.method == "POST" and not seated else None)
    context = {
        "workshop": workshop,
        "scenario": SCENARIOS.get(workshop.scenario),
        "seated": seated,
        "tour_url": reverse(selectors.workshop_tour(workshop).url_name),
        "errors": [],
        "form": form,
    }
    if not seated:
        if workshop.is_over(clock.real_now()):
            context["errors"] = [gettext("This workshop has ended. Ask the facilitator for a new join link.")]
        elif selectors.seats_taken(workshop) >= workshop.seat_limit:
            context["errors"] = [
                gettext("This workshop is full: all %(seats)s seats are taken. Ask the facilitator for room.")
                % {"seats": workshop.seat_limit}
            ]
    if request.method == "POST" and not seated:
        if not form.is_valid():
            return render_page(request, "workshops/join.html", context, status=400)
        try:
            trainee = services.workshop_join(
                workshop_id=workshop.pk,
                ip_address=client_address(request),
                display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as error:
            if "display_name" in getattr(error, "error_dict", {}):
                add_service_errors(form, error)
                return render_page(request, "workshops/join.html", context, status=400)
            context["errors"] = error.messages
            status = 429 if "join_throttled" in _codes(error) else 409
            return render_page(request, "workshops/join.html", context, status=status)
        login(request, trainee.account, backend=ACCOUNT_BACKEND)
        request.session[TRAINEE_SESSION_KEY] = trainee.account.pk
        request.session[WORKSHOP_SESSION_KEY] = workshop.pk
        request.session[TOUR_START_SESSION_KEY] = True
        request.session[TOUR_PAGE_SESSION_KEY] = context["tour_url"]
        messages.success(
            request,
            gettext("Welcome to %(title)s: this sandbox is yours alone. The guided tour starts here.")
            % {"title": workshop.title},
        )
        return redirect(context["tour_url"])
    if request.method == "POST":
        return redirect(context["tour_url"])
    return render_page(request, "workshops/join.html", context)


@require_GET
def workshop_ended(request, code):
    """This workshop has ended: where a trainee's session goes once End workshop (or the workshop's
    length) removed its sandbox. A workshop still open sends the visitor to its join link."""
    workshop = selectors.workshop_by_code(code)
    if workshop is None:
        raise Http404
    if not workshop.is_over(clock.real_now()):
        return redirect("workshop_join", code=workshop.code)
    return render_page(request, "workshops/ended.html", {"workshop": workshop})


@login_required
@require_POST
def tour_step(request):
    """A stop of the guided tour was shown to a trainee (static/js/workshop.js posts it)."""
    try:
        services.trainee_tour_step(account=request.user, stop=request.POST.get("stop", ""))
    except ValidationError as error:
        status = 403 if "not_a_trainee" in _codes(error) else 400
        return HttpResponse(" ".join(error.messages), status=status, content_type="text/plain; charset=utf-8")
    return HttpResponse(status=204)
