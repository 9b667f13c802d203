from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.cen.tabs import cen_instance_or_404, cen_page_context
from cenconsole.core.forms import add_service_errors
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page

from . import selectors, services
from .forms import AutoRenewalForm, BindPackageForm, PurchaseForm, RenewForm, ResizeForm
from .models import BandwidthPackage, Order
from .rows import row_words, unavailable_actions, with_order_links, with_row_links

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


def _purchase_context(form):
    preview = services.purchase_preview(
        area_a_code=form.value_of("area_a_code"),
        area_b_code=form.value_of("area_b_code"),
        bandwidth=form.value_of("bandwidth"),
        duration_months=form.value_of("duration_months"),
    )
    return {
        "form": form,
        "area_a": preview.area_a,
        "area_b": preview.area_b,
        "cross_border": preview.cross_border,
        "quote": preview.quote,
    }


@login_required
@require_http_methods(["GET", "POST"])
@cached_page
def buy(request):
    """The purchase page. GET with the form's values is the live update: for htmx, only what follows from
    the values (price, notice, regions, taken pairs, messages), out of band; without JavaScript, the page."""
    owner = request.user
    if request.method == "POST":
        form = PurchaseForm(request.POST, owner=owner, buy_now=True)
        if form.is_valid():
            try:
                order = services.order_create_purchase(owner=owner, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("bandwidth:order_detail", order_id=order.pk)
    elif "idempotency_key" in request.GET:
        form = PurchaseForm(request.GET, owner=owner)
        if form.is_valid():
            try:
                # The notice is on the page already; its checkbox is asked for at Buy Now.
                services.purchase_check(owner=owner, **(form.purchase() | {"cross_border_agreed": True}))
            except ValidationError as error:
                add_service_errors(form, error)
    else:
        cen_id = request.GET.get("cen_id")
        if cen_id:  # the tab's Buy button names its instance: another account's or an unknown id is a 404
            cen_instance_or_404(request, cen_id)
        initial = {"cen_instance_id": cen_id, "cen_search": request.GET.get("cen_search", "")}
        form = PurchaseForm(owner=owner, initial=initial)
    return render_page(request, "bandwidth/purchase.html", _purchase_context(form), partial="live_quote")


@login_required
@require_GET
def buy_cen_options(request):
    """The CEN ID select of the purchase page for a search (`cen_search`), keeping the chosen
    instance (`cen_instance_id`): what htmx swaps in while one types in the search field."""
    initial = {key: request.GET.get(key, "") for key in ("cen_instance_id", "cen_search")}
    form = PurchaseForm(owner=request.user, initial=initial)
    return render(request, "bandwidth/purchase.html#cen_options", {"form": form})


def _order_context(order, **extra):
    return {"order": order, "service_period": selectors.order_service_period(order), **extra}


def _order_or_404(request, order_id):
    try:
        return selectors.order_get(owner=request.user, order_id=order_id)
    except Order.DoesNotExist:
        raise Http404("No such order.") from None


@login_required
@require_GET
@cached_page
def order_list(request):
    orders = with_order_links(selectors.orders_for(owner=request.user)[:200])
    return render_page(request, "bandwidth/order_list.html", {"orders": orders})


@login_required
@require_GET
def order_detail(request, order_id):
    """The order confirmation: summary (with the service period), price and the Pay button."""
    return render_page(request, "bandwidth/order_detail.html", _order_context(_order_or_404(request, order_id)))


@login_required
@require_POST
def order_pay(request, order_id):
    order = _order_or_404(request, order_id)
    try:
        order = services.order_pay(owner=request.user, order_id=order.pk)
    except ValidationError as error:
        return _order_refused(request, order_id, error)
    return redirect("bandwidth:order_success", order_id=order.pk)


@login_required
@require_POST
def order_cancel(request, order_id):
    order = _order_or_404(request, order_id)
    try:
        services.order_cancel(owner=request.user, order_id=order.pk)
    except ValidationError as error:
        return _order_refused(request, order_id, error)
    return redirect("bandwidth:order_list")


def _order_refused(request, order_id, error):
    """The order page with the refusal, showing the order as the refusal left it (Pay may have cancelled or
    lapsed it), read again after the service's transaction."""
    order = _order_or_404(request, order_id)
    return render_page(request, "bandwidth/order_detail.html", _order_context(order, errors=error.messages))


@login_required
@require_GET
def order_success(request, order_id):
    order = _order_or_404(request, order_id)
    if not order.is_paid:
        return redirect("bandwidth:order_detail", order_id=order.pk)
    # Links to the package (its row on its CEN instance's tab, or the Bandwidth Packages page) and its CEN.
    cen_id = order.package.cen_instance_id
    if cen_id:
        package_url = reverse("bandwidth:cen_tab", kwargs={"cen_id": cen_id}) + f"#{order.package_id}"
        cen_url = reverse("cen:instance_detail", kwargs={"cen_id": cen_id})
    else:
        package_url, cen_url = reverse("bandwidth:package_list"), ""
    context = _order_context(order, package_url=package_url, cen_url=cen_url)
    return render_page(request, "bandwidth/order_success.html", context)


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
