"""The workshops' pages: the facilitator's list and board (with its room-wide actions and the join
link shown large), the trainees' Join workshop page, and the tour's step reports."""

import segno
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.accounts.backends import ACCOUNT_BACKEND
from cenconsole.core import clock
from cenconsole.core.forms import add_service_errors
from cenconsole.core.net import client_address
from cenconsole.core.rendering import render_page
from cenconsole.demo.services import ADVANCE_CHOICES
from cenconsole.demo.views import OUTCOME_WORDS

from . import selectors, services
from .context_processors import (
    TOUR_PAGE_SESSION_KEY,
    TOUR_START_SESSION_KEY,
    TRAINEE_SESSION_KEY,
    WORKSHOP_SESSION_KEY,
    account_roles,
)
from .forms import JoinForm, WorkshopForm
from .messages import FACILITATORS_ONLY
from .models import Workshop
from .scenarios import SCENARIOS

# How often the board asks for the room's progress (htmx polling).
BOARD_POLL_SECONDS = 3


def _facilitator_or_403(request):
    if not selectors.is_facilitator(request.user):
        raise PermissionDenied(gettext(FACILITATORS_ONLY))
    return request.user


def _workshop_or_404(request, workshop_id) -> Workshop:
    """The facilitator's own workshop; 404 for anyone else (a trainee, another account)."""
    workshop = None
    if selectors.is_facilitator(request.user):
        workshop = selectors.workshop_of(facilitator=request.user, workshop_id=workshop_id)
    if workshop is None:
        raise Http404
    return workshop


def _codes(error: ValidationError) -> set:
    items = error.error_list if hasattr(error, "error_list") else [e for v in error.error_dict.values() for e in v]
    return {item.code for item in items}


def _join_url(request, workshop) -> str:
    return request.build_absolute_uri(reverse("workshop_join", args=[workshop.code]))


def _qr_svg(url: str, *, scale: int) -> str:
    """The join link as a QR code, inline SVG (segno; made here, no network)."""
    qr = segno.make(url, error="m")
    return mark_safe(
        qr.svg_inline(scale=scale, border=2, dark="#000", light="#fff", omitsize=True, title=url, svgclass="join-qr")
    )


@login_required
@require_http_methods(["GET", "POST"])
def workshop_list(request):
    """The facilitator's workshops, and New workshop."""
    facilitator = _facilitator_or_403(request)
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(facilitator=facilitator, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, gettext("The workshop is ready: show its join link to the room."))
            return redirect("workshops:board", workshop_id=workshop.pk)
    workshops = list(selectors.workshops_of(facilitator=facilitator).select_related("facilitator")[:100])
    now = clock.real_now()
    context = {
        "form": form,
        "workshops": [(workshop, workshop.is_over(now), SCENARIOS.get(workshop.scenario)) for workshop in workshops],
        "scenarios": SCENARIOS.values(),
    }
    return render_page(request, "workshops/list.html", context, status=400 if form.errors else 200)


def _board_context(request, workshop):
    rows = selectors.board_rows(workshop=workshop)
    tour = selectors.workshop_tour(workshop)
    return {
        "workshop": workshop,
        "over": workshop.is_over(clock.real_now()),
        "scenario": SCENARIOS.get(workshop.scenario),
        "rows": rows,
        "funnel": selectors.funnel(rows, tour),
        "step_count": len(tour.steps),
        "join_url": _join_url(request, workshop),
        "steps": ADVANCE_CHOICES,
        "poll_seconds": BOARD_POLL_SECONDS,
    }


@login_required
@require_GET
def signed_in(request):
    """Where signing in lands without a `next` (LOGIN_REDIRECT_URL): where the account's work is.
    Superusers on the admin's index (the desk, workshops and accounts from there), support staff on
    the desk's queue, facilitators on Workshops, everyone else on Instances."""
    roles = account_roles(request)
    if request.user.is_superuser and request.user.is_staff:
        return redirect("admin:index")
    if roles["support"]:
        return redirect("desk:queue")
    if roles["facilitator"]:
        return redirect("workshops:workshop_list")
    return redirect("cen:instance_list")


@login_required
@require_GET
def workshop_board(request, workshop_id):
    """The facilitator's board: every trainee's progress and the tour's funnel; htmx polls its
    `board` partial, and the Refresh link reloads it without JavaScript."""
    workshop = _workshop_or_404(request, workshop_id)
    context = _board_context(request, workshop)
    context["qr"] = _qr_svg(context["join_url"], scale=4)
    return render_page(request, "workshops/board.html", context, partial="board")


@login_required
@require_GET
def workshop_link(request, workshop_id):
    """The join link and its QR code, large, for a projector."""
    workshop = _workshop_or_404(request, workshop_id)
    join_url = _join_url(request, workshop)
    context = {"workshop": workshop, "join_url": join_url, "qr": _qr_svg(join_url, scale=12)}
    return render_page(request, "workshops/link.html", context)


def _room_action_label(action: str) -> str:
    if action == services.ROOM_RESET:
        return gettext("Reset everyone")
    return str(dict(ADVANCE_CHOICES).get(action, action))


def _retry_message(request, outcome) -> bool:
    """What a press that finished the room's last action (after a crash) says; True if it was one."""
    if not outcome["retry"]:
        return False
    messages.warning(
        request,
        gettext(
            "The last room-wide action (%(action)s) had not reached every trainee: it now has reached "
            "%(n)s more. Nobody was moved twice; press again to act on the whole room."
        )
        % {"action": _room_action_label(outcome["action"]), "n": outcome["moved"]},
    )
    return True


@login_required
@require_POST
def workshop_clock(request, workshop_id):
    """Advance everyone's clock by the chosen step, each trainee through Advance time's service (or
    the end of the room's last action, after a crash)."""
    workshop = _workshop_or_404(request, workshop_id)
    try:
        outcome = services.workshop_clock_advance(workshop=workshop, step=request.POST.get("step", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workshops:board", workshop_id=workshop.pk)
    if _retry_message(request, outcome) and outcome["action"] == services.ROOM_RESET:
        return redirect("workshops:board", workshop_id=workshop.pk)
    moved = outcome["moved"]
    happened = [OUTCOME_WORDS[name](count) % {"n": count} for name, count in outcome["done"].items()]
    summary = "; ".join(happened) if happened else gettext("nothing was due")
    messages.success(
        request,
        ngettext(
            "%(n)s trainee's clock moved ahead: %(summary)s.", "%(n)s trainees' clocks moved ahead: %(summary)s.", moved
        )
        % {"n": moved, "summary": summary},
    )
    for message, count in outcome["refused"].items():
        messages.warning(
            request,
            ngettext("%(n)s trainee's clock stayed: %(why)s", "%(n)s trainees' clocks stayed: %(why)s", count)
            % {"n": count, "why": message},
        )
    return redirect("workshops:board", workshop_id=workshop.pk)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_reset(request, workshop_id):
    """Reset everyone, after a confirmation page."""
    workshop = _workshop_or_404(request, workshop_id)
    if request.method == "POST":
        outcome = services.workshop_reset(workshop=workshop)
        if _retry_message(request, outcome) and outcome["action"] != services.ROOM_RESET:
            return redirect("workshops:board", workshop_id=workshop.pk)
        count = outcome["moved"]
        messages.success(
            request,
            ngettext(
                "%(n)s trainee's sandbox is back to the starting scenario, on real time.",
                "%(n)s trainees' sandboxes are back to the starting scenario, on real time.",
                count,
            )
            % {"n": count},
        )
        return redirect("workshops:board", workshop_id=workshop.pk)
    context = {"workshop": workshop, "scenario": SCENARIOS.get(workshop.scenario)}
    return render_page(request, "workshops/reset.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_end(request, workshop_id):
    """End workshop, after a confirmation page: the figures stay on the board, the sandboxes go."""
    workshop = _workshop_or_404(request, workshop_id)
    if request.method == "POST":
        removed = services.workshop_end(workshop=workshop)
        messages.success(
            request,
            ngettext(
                "The workshop has ended: %(n)s trainee sandbox was removed; the board keeps its figures.",
                "The workshop has ended: %(n)s trainee sandboxes were removed; the board keeps their figures.",
                len(removed),
            )
            % {"n": len(removed)},
        )
        return redirect("workshops:board", workshop_id=workshop.pk)
    context = {"workshop": workshop, "seats": selectors.seats_taken(workshop)}
    return render_page(request, "workshops/end.html", context)


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
