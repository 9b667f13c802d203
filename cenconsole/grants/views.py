"""The grant pages. CEN Cross-account Authorization (the left navigation's page, where the real console
has it on a VPC's page): the grants this account made, Grant and Revoke, through the services of
GrantInstanceToTransitRouter and RevokeInstanceFromTransitRouter. And Attach Network's Different Account
tab on the CEN page's Networks tab: a VPC another account granted to this CEN instance, attached through
the service AttachCenChildInstance uses with ChildInstanceOwnerId."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.accounts.uids import account_uid
from cenconsole.cen.tabs import cen_instance_or_404
from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page
from cenconsole.networks.views import networks_tab

from . import selectors, services
from .forms import GrantedAttachForm, GrantForm
from .models import GrantRule


@login_required
@require_GET
def grant_list(request):
    """CEN Cross-account Authorization: the grants this account made, newest first."""
    context = {
        "grant_rules": selectors.grant_rules_made(owner=request.user),
        "account_uid": account_uid(request.user.pk),
    }
    return render_page(request, "grants/grant_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def grant_create(request):
    """CEN Cross-account Authorization's form: grant a VPC of this account to another account's CEN instance."""
    form = GrantForm(request.POST or None, initial={"instance_type": GrantRule.InstanceType.VPC})
    if request.method == "POST" and form.is_valid():
        try:
            rule = services.grant_rule_create(owner=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("%(instance_id)s is granted to CEN instance %(cen_id)s.")
                % {"instance_id": rule.instance_id, "cen_id": rule.cen_id},
            )
            return redirect("grants:grant_list")
    return render_page(request, "grants/grant_form.html", {"form": form, "account_uid": account_uid(request.user.pk)})


@login_required
@require_http_methods(["GET", "POST"])
def grant_revoke(request, grant_id):
    """Revoke on a grant: a confirm page, then the revoke (refused while the network is attached)."""
    rule = get_object_or_404(selectors.grant_rules_made(owner=request.user), pk=grant_id)
    peer_uid = rule.cen_owner_uid
    return confirm_page(
        request,
        "grants/grant_revoke.html",
        {"rule": rule, "peer_uid": peer_uid},
        action=lambda: services.grant_rule_revoke(
            owner=request.user,
            instance_type=rule.instance_type,
            instance_id=rule.instance_id,
            cen_id=rule.cen_id,
            cen_owner_uid=str(peer_uid),
        ),
        success=gettext("The grant of %(instance_id)s to CEN instance %(cen_id)s was revoked.")
        % {"instance_id": rule.instance_id, "cen_id": rule.cen_id},
        next_url=reverse("grants:grant_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_attach_granted(request, cen_id):
    """Attach Network, Different Account: the Networks tab with the form open (only the form for htmx)."""
    instance = cen_instance_or_404(request, cen_id)
    form = GrantedAttachForm(request.POST or None, initial={"network_type": GrantRule.InstanceType.VPC})
    if request.method == "POST" and form.is_valid():
        try:
            network = services.granted_vpc_attach(
                owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("Network instance %(network_id)s was attached.") % {"network_id": network.instance_id}
            )
            return redirect("networks:cen_networks", cen_id=instance.pk)
    granted = SimpleLazyObject(lambda: list(selectors.grant_rules_to_cen(owner=request.user, cen_id=instance.pk)))
    return networks_tab(
        request, instance, form=form, partial="attach_form", attach_account="different", granted=granted
    )
