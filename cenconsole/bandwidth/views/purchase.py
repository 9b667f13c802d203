"""The purchase page (Buy Bandwidth Package) and its live update."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.cen.tabs import cen_instance_or_404
from cenconsole.core.forms import add_service_errors
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page

from .. import services
from ..forms import PurchaseForm


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
