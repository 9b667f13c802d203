"""A multicast domain's page: Associate vSwitch and Disassociate (the services of
AssociateTransitRouterMulticastDomain and DisassociateTransitRouterMulticastDomain), Add Multicast
Source, Add Multicast Member and Delete (RegisterTransitRouterMulticastGroupSources / Members and
their Deregister)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from cenconsole.core.rendering import confirm_page, render_page
from cenconsole.transit.selectors import vpc_attachments_for

from .. import selectors, services
from ..forms import AssociateVSwitchForm, GroupResourceForm
from ..models import MulticastGroupResource
from .common import domain_page, domain_url

SOURCE = MulticastGroupResource.Role.SOURCE
REGISTER = {SOURCE: services.multicast_sources_register, "member": services.multicast_members_register}
DEREGISTER = {SOURCE: services.multicast_sources_deregister, "member": services.multicast_members_deregister}


@login_required
@require_http_methods(["GET", "POST"])
def vswitch_associate(request, cen_id, domain_id):
    """Associate vSwitch: vSwitches of one of the router's VPC connections join the domain."""
    instance, domain = domain_page(request, cen_id, domain_id)
    attachments = vpc_attachments_for(owner=request.user).filter(
        transit_router=domain.transit_router, deleted_at__isnull=True
    )
    form = AssociateVSwitchForm(request.POST or None, attachments=attachments)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.multicast_domain_associate(
                owner=request.user, domain_id=domain.pk, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                gettext("vSwitch %(vswitch_ids)s is being associated: it is Associated in a few seconds.")
                % {"vswitch_ids": ", ".join(each.vswitch_id for each in made)},
            )
            return redirect(domain_url(instance, domain))
    context = {"instance": instance, "router": domain.transit_router, "domain": domain, "form": form}
    return render_page(request, "multicast/associate_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def association_delete(request, cen_id, domain_id, association_id):
    """Disassociate on a vSwitch: a confirm page, then the vSwitch leaves the domain (refused while it
    has members or sources)."""
    instance, domain = domain_page(request, cen_id, domain_id)
    association = get_object_or_404(
        selectors.multicast_associations_for(owner=request.user), domain=domain, pk=association_id
    )
    return confirm_page(
        request,
        "multicast/association_delete.html",
        {"instance": instance, "router": domain.transit_router, "domain": domain, "association": association},
        action=lambda: services.multicast_domain_disassociate(
            owner=request.user,
            domain_id=domain.pk,
            attachment_id=association.attachment_id,
            vswitch_ids=[association.vswitch_id],
        ),
        success=gettext("vSwitch %(vswitch_ids)s is being disassociated.") % {"vswitch_ids": association.vswitch_id},
        next_url=domain_url(instance, domain),
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_resource_add(request, cen_id, domain_id, role):
    """Add Multicast Source or Add Multicast Member: an ENI of a VPC whose vSwitch is associated with the
    domain, in a group (a new group address makes the group)."""
    instance, domain = domain_page(request, cen_id, domain_id)
    vpc_ids = sorted(
        {each.attachment.vpc_id for each in selectors.domain_associations(owner=request.user, domain=domain)}
    )
    peer_domains = selectors.peer_domain_candidates(owner=request.user, domain=domain) if role != SOURCE else None
    form = GroupResourceForm(request.POST or None, vpc_ids=vpc_ids, peer_domains=peer_domains)
    if request.method == "POST" and form.is_valid():
        try:
            rows = REGISTER[role](owner=request.user, domain_id=domain.pk, **form.service_arguments())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            text = (
                gettext("Multicast source %(resource)s is being added to group %(group_ip)s.")
                if role == SOURCE
                else gettext("Multicast member %(resource)s is being added to group %(group_ip)s.")
            )
            names = ", ".join(
                row.network_interface.eni_id if row.network_interface_id else row.peer_domain_id for row in rows
            )
            messages.success(request, text % {"resource": names, "group_ip": rows[0].group_ip})
            return redirect(domain_url(instance, domain))
    context = {"instance": instance, "router": domain.transit_router, "domain": domain, "form": form, "role": role}
    return render_page(request, "multicast/group_resource_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_resource_delete(request, cen_id, domain_id, group_resource_id):
    """Delete on a multicast source or member: a confirm page, then it leaves the group."""
    instance, domain = domain_page(request, cen_id, domain_id)
    row = get_object_or_404(selectors.group_resources_for(owner=request.user), domain=domain, pk=group_resource_id)
    if row.network_interface_id:  # an ENI (a source, or a member)
        resource, names = row.network_interface.eni_id, {"eni_ids": [row.network_interface.eni_id]}
    else:  # another region's multicast domain, a member
        resource, names = row.peer_domain_id, {"peer_domain_ids": [row.peer_domain_id]}
    return confirm_page(
        request,
        "multicast/group_resource_delete.html",
        {"instance": instance, "router": domain.transit_router, "domain": domain, "row": row, "resource": resource},
        action=lambda: DEREGISTER[row.role](owner=request.user, domain_id=domain.pk, group_ip=row.group_ip, **names),
        success=gettext("%(resource)s is being removed from group %(group_ip)s.")
        % {"resource": resource, "group_ip": row.group_ip},
        next_url=domain_url(instance, domain),
    )
