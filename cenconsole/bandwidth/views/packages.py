"""A CEN instance's Bandwidth Packages tab, the Bandwidth Packages page, and what a package's row opens: Renew,
Upgrade and Downgrade, Auto-renewal, Bind and Unbind."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.cen.tabs import cen_instance_or_404, cen_page_context
from cenconsole.core.forms import add_service_errors
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page

from .. import selectors, services
from ..forms import AutoRenewalForm, BindPackageForm, RenewForm, ResizeForm
from ..models import BandwidthPackage
from ..rows import row_words, unavailable_actions, with_row_links

PAGE_SIZE = 20


@login_required
@require_GET
@cached_page
def cen_tab(request, cen_id):
    """The CEN page's Bandwidth Packages tab."""
    instance = cen_instance_or_404(request, cen_id)
    packages = with_row_links(selectors.packages_for_cen(owner=request.user, cen_instance=instance))
    context = cen_page_context(instance, "bandwidth-packages", packages=packages, row_words=row_words())
    return render_page(request, "bandwidth/cen_tab.html", context, partial="tab_body")


def _package_or_404(request, package_id):
    return get_object_or_404(selectors.packages_for(owner=request.user), pk=package_id)


def _unavailable_reason(package, action) -> str:
    """Why the package cannot take this action now (the row shows it disabled for the same reason), or "":
    the page then says so beside a disabled Buy Now instead of refusing it after the user fills it in."""
    reason = unavailable_actions(package).get(action)
    return row_words()[reason] if reason else ""


def _keyed_form_data(request):
    """POST data, or the GET of a live update (the form's own values), or None for a fresh form."""
    if request.method == "POST":
        return request.POST
    return request.GET if "idempotency_key" in request.GET else None


@login_required
@require_http_methods(["GET", "POST"])
def package_renew(request, package_id):
    """Renew: a renewal Duration, its price, the new expiration time and the Terms of Service, then Pay,
    which places and pays the Renew order at once (the one Pay pipeline) and lands on its success page;
    a refusal (balance, package state) stays here with nothing ordered or charged."""
    package = _package_or_404(request, package_id)
    form = RenewForm(_keyed_form_data(request), buy_now=request.method == "POST")
    if form.is_bound and form.is_valid() and request.method == "POST":
        try:
            order = services.renew_and_pay(
                owner=request.user,
                idempotency_key=form.cleaned_data["idempotency_key"],
                package_id=package.pk,
                duration_months=form.cleaned_data["duration_months"],
                terms_agreed=form.cleaned_data["terms_agreed"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("bandwidth:order_success", order_id=order.pk)
    quote, new_expiration = services.renewal_preview(
        package=package, duration_months=form["duration_months"].value()
    ) or (None, None)
    context = {
        "package": package,
        "form": form,
        "quote": quote,
        "new_expiration": new_expiration,
        "unavailable": _unavailable_reason(package, "renew"),
    }
    return render_page(request, "bandwidth/renew.html", context, partial="live_quote")


@login_required
@require_http_methods(["GET", "POST"])
def package_resize(request, package_id, direction):
    """Upgrade or Downgrade: a new bandwidth and its price, then Buy Now."""
    package = _package_or_404(request, package_id)
    form = ResizeForm(_keyed_form_data(request), buy_now=request.method == "POST")
    order_type = amount = refund = None
    if form.is_bound and form.is_valid():
        try:
            if request.method == "POST":
                order = services.order_create_resize(
                    owner=request.user,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    package_id=package.pk,
                    bandwidth=form.cleaned_data["bandwidth"],
                    terms_agreed=form.cleaned_data["terms_agreed"],
                )
                return redirect("bandwidth:order_detail", order_id=order.pk)
            order_type, amount = services.resize_check(package=package, bandwidth=form.cleaned_data["bandwidth"])
            refund = services.downgrade_refund(package=package, bandwidth=form.cleaned_data["bandwidth"])
        except ValidationError as error:
            add_service_errors(form, error)
    context = {
        "package": package,
        "form": form,
        "direction": direction,
        "order_type": order_type,
        "amount": amount,
        "refund": refund,
        "unavailable": _unavailable_reason(package, direction),
    }
    return render_page(request, "bandwidth/resize.html", context, partial="live_quote")


@login_required
@require_http_methods(["GET", "POST"])
def package_auto_renewal(request, package_id):
    package = _package_or_404(request, package_id)
    initial = {"auto_renewal": package.auto_renewal, "auto_renewal_months": package.auto_renewal_months}
    form = AutoRenewalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.package_set_auto_renewal(owner=request.user, package_id=package.pk, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("Auto-renewal of %(package_id)s was saved.") % {"package_id": package.pk})
            if package.cen_instance_id:
                return redirect("bandwidth:cen_tab", cen_id=package.cen_instance_id)
            return redirect("bandwidth:package_list")
    return render_page(request, "bandwidth/auto_renewal.html", {"package": package, "form": form})


# Binding packages --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def package_bind(request, cen_id):
    """Bind Bandwidth Package: an available package of the account joins this CEN instance."""
    instance = cen_instance_or_404(request, cen_id)
    if request.method == "POST":
        form = BindPackageForm(request.POST, owner=request.user)
    else:  # a search (package_search) keeps the chosen package (package)
        initial = {key: request.GET.get(key, "") for key in ("package", "package_search")}
        form = BindPackageForm(owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            package = services.package_bind(
                owner=request.user, cen_instance_id=instance.pk, package_id=form.cleaned_data["package"].pk
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Bandwidth package %(package_id)s was bound to CEN instance %(instance_id)s.")
                % {"package_id": package.pk, "instance_id": instance.pk},
            )
            return redirect("bandwidth:cen_tab", cen_id=instance.pk)
    # The form shows while there is anything to choose, or a search to change.
    has_packages = bool(form.fields["package"].packages) or bool(form["package_search"].value())
    context = cen_page_context(instance, "bandwidth-packages", form=form, has_packages=has_packages)
    return render_page(request, "bandwidth/package_bind.html", context, partial="package_options")


def _safe_next(request, source):
    """The page to go back to, if it is on this site; else the CEN's Bandwidth Packages tab ("")."""
    next_url = source.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return next_url
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def package_unbind(request, cen_id, package_id):
    """Unbind on a package row. GET asks first (the confirmation page, for browsers without
    JavaScript; console.js asks in a dialog instead); POST unbinds and goes back to where Unbind was
    clicked, with the outcome as a message."""
    instance = cen_instance_or_404(request, cen_id)
    package = get_object_or_404(
        BandwidthPackage.objects.active(), owner=request.user, cen_instance=instance, pk=package_id
    )
    if request.method == "GET":
        package.links = {"unbind": request.path}
        next_url = _safe_next(request, request.GET) or reverse("bandwidth:cen_tab", kwargs={"cen_id": instance.pk})
        context = {"instance": instance, "package": package, "next_url": next_url}
        return render_page(request, "bandwidth/package_unbind.html", context)
    try:
        services.package_unbind(owner=request.user, package_id=package.pk)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            gettext("Bandwidth package %(package_id)s was unbound. It is now available.") % {"package_id": package.pk},
        )
    return redirect(_safe_next(request, request.POST) or reverse("bandwidth:cen_tab", kwargs={"cen_id": instance.pk}))


# Bandwidth Packages page -------------------------------------------------------------------------


@login_required
@require_GET
@cached_page
def package_list(request):
    """The Bandwidth Packages page of the navigation: all the account's packages, bound or not."""
    page = Paginator(selectors.package_list(owner=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_row_links(page.object_list)
    return render_page(request, "bandwidth/package_list.html", {"page": page, "row_words": row_words()})
