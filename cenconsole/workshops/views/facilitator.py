"""A facilitator's pages: Workshops (the list and New workshop), the board and its join link, the
room's clock, Reset and End workshop; and where signing in lands, by role."""

from functools import lru_cache

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.core import clock
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page
from cenconsole.demo.services import ADVANCE_CHOICES
from cenconsole.demo.views import OUTCOME_WORDS

from .. import selectors, services
from ..context_processors import (
    account_roles,
)
from ..forms import WorkshopForm
from ..messages import FACILITATORS_ONLY
from ..models import Workshop
from ..scenarios import SCENARIOS

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


def _join_url(request, workshop) -> str:
    return request.build_absolute_uri(reverse("workshop_join", args=[workshop.code]))


@lru_cache(maxsize=128)
def _qr_svg(url: str, *, scale: int) -> str:
    """The join link as a QR code, inline SVG (segno; made here, no network). About 6 ms to make, the board's
    largest part: kept per link and size (a link is the workshop's for its whole life)."""
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
@cached_page
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
