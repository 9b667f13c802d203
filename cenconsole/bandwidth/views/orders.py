"""Orders: the list, an order's page with Pay and Cancel, and the page after paying."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page

from .. import selectors, services
from ..models import Order
from ..rows import with_order_links


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
@cached_page
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
@cached_page
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
