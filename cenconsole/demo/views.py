"""The demo's pages: Try the console (a sandbox), Reset demo, and the test clock (Advance time)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from cenconsole.accounts.backends import ACCOUNT_BACKEND
from cenconsole.core.net import client_address
from cenconsole.core.rendering import render_page

from . import services

OUTCOME_WORDS = {
    "expired": lambda n: ngettext("%(n)s package expired", "%(n)s packages expired", n),
    "auto_renewed": lambda n: ngettext("%(n)s package auto-renewed", "%(n)s packages auto-renewed", n),
    "released": lambda n: ngettext("%(n)s package released", "%(n)s packages released", n),
    "lapsed": lambda n: ngettext("%(n)s unpaid order lapsed", "%(n)s unpaid orders lapsed", n),
    "temporary_upgrades_ended": lambda n: ngettext(
        "%(n)s temporary upgrade ended", "%(n)s temporary upgrades ended", n
    ),
}


def _demo_account_or_403(request):
    if not services.is_demo_account(request.user):
        raise PermissionDenied(gettext("Only the demo account and sandboxes can do this."))
    return request.user


def _back(request):
    """Where to go after a top-bar action: the page it was made on, if it is ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("cen:instance_list")


@require_http_methods(["GET", "POST"])
def sandbox_start(request):
    """Try the console: a GET shows the button (so it works without JavaScript); the POST makes a
    sandbox account, seeded like the demo, and signs it in."""
    if request.method == "POST":
        try:
            account = services.sandbox_create(ip_address=client_address(request))
        except ValidationError as error:
            return render_page(request, "demo/start.html", {"errors": error.messages}, status=429)
        login(request, account, backend=ACCOUNT_BACKEND)
        messages.success(
            request,
            gettext("Your sandbox is ready: a copy of the demo that is yours alone for %(hours)s hours.")
            % {"hours": settings.DEMO_SANDBOX_HOURS},
        )
        return redirect("cen:instance_list")
    return render_page(request, "demo/start.html", {})


@login_required
@require_http_methods(["GET", "POST"])
def demo_reset(request):
    """Reset demo, after a confirmation page."""
    account = _demo_account_or_403(request)
    if request.method == "POST":
        services.demo_reset(account=account)
        messages.success(request, gettext("The demo is back to its seeded state, on real time."))
        return redirect("cen:instance_list")
    return render_page(request, "demo/reset.html", {})


@login_required
@require_http_methods(["GET", "POST"])
def clock(request):
    """Advance time: GET shows the choices (and whether the clock can go back to real time); POST
    advances the account's clock by the chosen step."""
    account = _demo_account_or_403(request)
    if request.method == "POST":
        try:
            done = services.clock_advance(account=account, step=request.POST.get("step", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back(request)
        happened = [OUTCOME_WORDS[outcome](count) % {"n": count} for outcome, count in done.items()]
        summary = "; ".join(happened) if happened else gettext("nothing was due")
        messages.success(request, gettext("The clock moved ahead: %(summary)s.") % {"summary": summary})
        return _back(request)
    refusal = services.clock_back_refusal(account) if account.clock_offset else None
    context = {"steps": services.ADVANCE_CHOICES, "back_refusal": " ".join(refusal.messages) if refusal else ""}
    return render_page(request, "demo/clock.html", context)


@login_required
@require_POST
def clock_real_time(request):
    """Back to real time, when nothing the account holds lies in the future."""
    account = _demo_account_or_403(request)
    try:
        services.clock_back_to_real_time(account=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("demo:clock"))
    messages.success(request, gettext("The account's clock is back on real time."))
    return _back(request)
