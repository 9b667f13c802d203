from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.cen.selectors import cen_instances_for
from cenconsole.cen.tabs import cen_tabs
from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import render_page
from cenconsole.regions.models import Area

from . import selectors, services
from .forms import PurchaseForm
from .models import Order, is_cross_border


@login_required
@require_GET
def cen_tab(request, cen_id):
    """The CEN page's Bandwidth Packages tab."""
    instance = get_object_or_404(cen_instances_for(owner=request.user), pk=cen_id)
    packages = selectors.packages_for_cen(owner=request.user, cen_instance=instance)
    context = {
        "instance": instance,
        "packages": packages,
        "cen_tabs": cen_tabs(instance),
        "active_tab": "bandwidth-packages",
    }
    return render_page(request, "bandwidth/cen_tab.html", context, partial="tab_body")


def _purchase_context(form):
    areas = {area.pk: area for area in Area.objects.prefetch_related("regions")}
    area_a, area_b = areas.get(str(form.value_of("area_a"))), areas.get(str(form.value_of("area_b")))
    return {
        "form": form,
        "area_a": area_a,
        "area_b": area_b,
        "cross_border": bool(area_a and area_b and is_cross_border(area_a.pk, area_b.pk)),
        "quote": services.live_quote(
            area_a_code=form.value_of("area_a"),
            area_b_code=form.value_of("area_b"),
            bandwidth=form.value_of("bandwidth"),
            duration_months=form.value_of("duration_months"),
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
def buy(request):
    """The purchase page. GET with the form's values is the live update (regions, notice, quote)."""
    owner = request.user
    if request.method == "POST":
        form = PurchaseForm(request.POST, owner=owner)
        if form.is_valid():
            try:
                order = services.order_create_purchase(
                    owner=owner, idempotency_key=form.cleaned_data["idempotency_key"], **form.service_arguments()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("bandwidth:order_detail", order_id=order.pk)
    elif "idempotency_key" in request.GET:
        form = PurchaseForm(request.GET, owner=owner)
        if form.is_valid():
            try:
                # The notice is on the page already; its checkbox is asked for at Buy Now.
                services.purchase_check(owner=owner, **(form.service_arguments() | {"cross_border_agreed": True}))
            except ValidationError as error:
                add_service_errors(form, error)
    else:
        cen_id = request.GET.get("cen_id")
        if cen_id:  # the tab's Buy button names its instance: another account's or an unknown id is a 404
            get_object_or_404(cen_instances_for(owner=owner), pk=cen_id)
        form = PurchaseForm(owner=owner, initial={"cen_instance": cen_id})
    return render_page(request, "bandwidth/purchase.html", _purchase_context(form), partial="purchase_form")


def _order_or_404(request, order_id):
    try:
        return selectors.order_get(owner=request.user, order_id=order_id)
    except Order.DoesNotExist:
        raise Http404("No such order.") from None


@login_required
@require_GET
def order_list(request):
    orders = selectors.orders_for(owner=request.user)[:200]
    return render_page(request, "bandwidth/order_list.html", {"orders": orders})


@login_required
@require_GET
def order_detail(request, order_id):
    """The order confirmation: summary, price and the Pay button."""
    return render_page(request, "bandwidth/order_detail.html", {"order": _order_or_404(request, order_id)})


@login_required
@require_POST
def order_pay(request, order_id):
    order = _order_or_404(request, order_id)
    try:
        order = services.order_pay(owner=request.user, order_id=order.pk)
    except ValidationError as error:
        context = {"order": order, "errors": error.messages}
        return render_page(request, "bandwidth/order_detail.html", context)
    return redirect("bandwidth:order_success", order_id=order.pk)


@login_required
@require_POST
def order_cancel(request, order_id):
    order = _order_or_404(request, order_id)
    try:
        services.order_cancel(owner=request.user, order_id=order.pk)
    except ValidationError as error:
        return render_page(request, "bandwidth/order_detail.html", {"order": order, "errors": error.messages})
    return redirect("bandwidth:order_list")


@login_required
@require_GET
def order_success(request, order_id):
    order = _order_or_404(request, order_id)
    if order.status != Order.Status.PAID:
        return redirect("bandwidth:order_detail", order_id=order.pk)
    return render_page(request, "bandwidth/order_success.html", {"order": order})
