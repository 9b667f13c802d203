"""A transit router's VBR, VPN and ECR connections on the CEN page's Transit Router tab: Create Connection of
each kind (a form panel in the tab, as Create VPC Connection), Modify and Delete, each through the same
service as its API action (CreateTransitRouter…Attachment, UpdateTransitRouter…AttachmentAttribute,
DeleteTransitRouter…Attachment). The URLs carry the kind (urls.py makes one set per kind)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cenconsole.cen.tabs import cen_instance_or_404
from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page

from .. import selectors, services
from ..forms import ProductConnectionForm, ProductConnectionModifyForm
from ..router_tabs import router_or_404
from .tab import tab_page

# The words of each kind's pages and messages.
TITLES = {
    "VBR": {
        "create": _("Create VBR Connection"),
        "modify": _("Modify VBR Connection"),
        "delete": _("Delete VBR Connection"),
    },
    "VPN": {
        "create": _("Create VPN Connection"),
        "modify": _("Modify VPN Connection"),
        "delete": _("Delete VPN Connection"),
    },
    "ECR": {
        "create": _("Create ECR Connection"),
        "modify": _("Modify ECR Connection"),
        "delete": _("Delete ECR Connection"),
    },
}


def url_argument(kind: str) -> str:
    """The URL argument naming a connection of `kind`: vbr_attachment_id, vpn_attachment_id, ecr_attachment_id."""
    return f"{kind.lower()}_attachment_id"


def _add_errors(form, kind: str, error: ValidationError) -> None:
    """The service's refusals beside the form's fields: its resource parameter (VbrId...) is resource_id."""
    if hasattr(error, "error_dict") and services.KINDS[kind].field in error.error_dict:
        error.error_dict["resource_id"] = error.error_dict.pop(services.KINDS[kind].field)
    add_service_errors(form, error)


def _connection_or_404(request, instance, kind, ids):
    attachments = selectors.product_attachments_for(services.KINDS[kind].model, owner=request.user)
    return get_object_or_404(attachments, transit_router__cen_instance=instance, pk=ids[url_argument(kind)])


@login_required
@require_http_methods(["GET", "POST"])
def product_connection_create(request, cen_id, router_id, kind):
    """Create VBR / VPN / ECR Connection on a transit router: the form in the tab (only the form for htmx)."""
    instance = cen_instance_or_404(request, cen_id)
    router = router_or_404(request, instance, router_id)
    form = ProductConnectionForm(request.POST or None, kind=kind, region=router.region)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.product_attachment_create(
                owner=request.user, transit_router_id=router.pk, **form.service_arguments()
            )
        except ValidationError as error:
            _add_errors(form, kind, error)
        else:
            messages.success(
                request,
                gettext(
                    "%(resource_id)s is being connected to transit router %(transit_router_id)s (%(attachment_id)s): "
                    "it is Attached in a few seconds."
                )
                % {
                    "resource_id": attachment.resource_id,
                    "transit_router_id": router.pk,
                    "attachment_id": attachment.pk,
                },
            )
            return redirect("transit:cen_transit_routers", cen_id=instance.pk)
    return tab_page(
        request,
        instance,
        product_form=form,
        product_title=TITLES[kind]["create"],
        product_action=reverse(f"transit:{kind.lower()}_connection_create", args=[instance.pk, router.pk]),
        form_router=router,
        partial="product_connection_form",
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_connection_modify(request, cen_id, kind, **ids):
    """Modify on a VBR, VPN or ECR connection: its own page (name, description, route publishing)."""
    instance = cen_instance_or_404(request, cen_id)
    attachment = _connection_or_404(request, instance, kind, ids)
    form = ProductConnectionModifyForm(
        request.POST or None,
        kind=kind,
        initial={
            "name": attachment.name,
            "description": attachment.description,
            "auto_publish_route": attachment.auto_publish_route,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.product_attachment_update(
                owner=request.user, kind=kind, attachment_id=attachment.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("Connection %(attachment_id)s is modified.") % {"attachment_id": attachment.pk}
            )
            return redirect("transit:cen_transit_routers", cen_id=instance.pk)
    context = {
        "instance": instance,
        "attachment": attachment,
        "form": form,
        "title": TITLES[kind]["modify"],
        "action": reverse(f"transit:{kind.lower()}_connection_modify", args=[instance.pk, attachment.pk]),
    }
    return render_page(request, "transit/product_connection_modify.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def product_connection_delete(request, cen_id, kind, **ids):
    """Delete on a VBR, VPN or ECR connection: a confirm page (Force also removes its route table links and
    static routes), then the delete."""
    instance = cen_instance_or_404(request, cen_id)
    attachment = _connection_or_404(request, instance, kind, ids)
    force = request.POST.get("force") == "on"
    return confirm_page(
        request,
        "transit/product_connection_delete.html",
        {
            "instance": instance,
            "attachment": attachment,
            "title": TITLES[kind]["delete"],
            "action": reverse(f"transit:{kind.lower()}_connection_delete", args=[instance.pk, attachment.pk]),
            "force": force,
        },
        action=lambda: services.product_attachment_delete(
            owner=request.user, kind=kind, attachment_id=attachment.pk, force=force
        ),
        success=gettext("Connection %(attachment_id)s is being deleted.") % {"attachment_id": attachment.pk},
        next_url=reverse("transit:cen_transit_routers", kwargs={"cen_id": instance.pk}),
    )
