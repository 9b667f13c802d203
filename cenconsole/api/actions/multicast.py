"""Multicast on transit routers: multicast domains, their vSwitch associations, and their groups'
members and sources (ENIs, and other regions' domains)."""

from cenconsole.cen.selectors import cen_instances_for
from cenconsole.multicast import selectors as multicast_selectors
from cenconsole.multicast import services as multicast_services
from cenconsole.tags.models import Tag
from cenconsole.tags.selectors import tags_for

from .. import errors
from .. import representations as show
from ..params import Params
from .common import dry_run_or_run, once, read_ignored, token_page
from .tags import tag_created, tags_to_set

MAX_PER_CALL = 5  # vSwitches, or ENIs and peer domains together, in one call
MAX_FILTER_IDS = 20  # VSwitchIds.N, NetworkInterfaceIds.N, PeerTransitRouterMulticastDomains.N in a List


# Multicast domains -------------------------------------------------------------------------------------


def create_transit_router_multicast_domain(*, owner, params: Params) -> dict:
    """The router by TransitRouterId (RegionId then changes nothing), or by CenId and RegionId."""
    router_id = params.string("TransitRouterId")
    cen_id = params.string("CenId")
    region_id = params.string("RegionId")
    if not router_id and not cen_id:
        raise errors.missing_parameter("TransitRouterId")
    name = params.string("TransitRouterMulticastDomainName") or ""
    description = params.string("TransitRouterMulticastDomainDescription") or ""
    igmpv2 = params.string("Options.Igmpv2Support")
    tags = tags_to_set(params)

    def create():
        domain = multicast_services.multicast_domain_create(
            owner=owner,
            transit_router_id=router_id,
            cen_id=cen_id,
            region_code=None if router_id else region_id,
            name=name,
            description=description,
            igmpv2_support=igmpv2,
        )
        tag_created(
            owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_MULTICAST_DOMAIN, resource=domain, tags=tags
        )
        return domain.pk

    domain_id = dry_run_or_run(params, lambda: once(owner, params, "CreateTransitRouterMulticastDomain", create))
    return {"TransitRouterMulticastDomainId": domain_id}


def list_transit_router_multicast_domains(*, owner, params: Params) -> dict:
    domains = multicast_selectors.multicast_domains_for(owner=owner)
    for parameter, field in (
        ("CenId", "transit_router__cen_instance_id"),
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterMulticastDomainId", "pk"),
        ("RegionId", "transit_router__region_id"),
    ):
        value = params.string(parameter)
        if value:
            domains = domains.filter(**{field: value})
    read_ignored(params, "ClientToken")
    tags = tags_for(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_MULTICAST_DOMAIN)
    return token_page(
        domains,
        params,
        wrapper="TransitRouterMulticastDomains",
        show_item=lambda domain: show.multicast_domain(domain, tags[domain.pk]),
    )


def modify_transit_router_multicast_domain(*, owner, params: Params) -> dict:
    domain_id = params.string("TransitRouterMulticastDomainId", required=True)
    name = params.string("TransitRouterMulticastDomainName")
    description = params.string("TransitRouterMulticastDomainDescription")
    igmpv2 = params.string("Options.Igmpv2Support")
    read_ignored(params, "ClientToken")

    def attempt():
        multicast_services.multicast_domain_update(
            owner=owner, domain_id=domain_id, name=name, description=description, igmpv2_support=igmpv2
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_multicast_domain(*, owner, params: Params) -> dict:
    domain_id = params.string("TransitRouterMulticastDomainId", required=True)
    read_ignored(params, "ClientToken")
    dry_run_or_run(params, lambda: multicast_services.multicast_domain_delete(owner=owner, domain_id=domain_id))
    return {}


# vSwitch associations ----------------------------------------------------------------------------------


def _vswitch_ids(params: Params, *, required: bool) -> list[str]:
    ids = params.indexed("VSwitchIds", limit=MAX_PER_CALL)
    if required and not ids:
        raise errors.ApiError("MissingParam.VSwitchIds", "The parameter VSwitchIds is mandatory.")  # documented
    return ids


def associate_transit_router_multicast_domain(*, owner, params: Params) -> dict:
    domain_id = params.string("TransitRouterMulticastDomainId", required=True)
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    vswitch_ids = _vswitch_ids(params, required=True)

    def create():
        multicast_services.multicast_domain_associate(
            owner=owner, domain_id=domain_id, attachment_id=attachment_id, vswitch_ids=vswitch_ids
        )
        return domain_id

    dry_run_or_run(params, lambda: once(owner, params, "AssociateTransitRouterMulticastDomain", create))
    return {}


def disassociate_transit_router_multicast_domain(*, owner, params: Params) -> dict:
    domain_id = params.string("TransitRouterMulticastDomainId", required=True)
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    vswitch_ids = _vswitch_ids(params, required=False)
    read_ignored(params, "ClientToken")

    def attempt():
        multicast_services.multicast_domain_disassociate(
            owner=owner, domain_id=domain_id, attachment_id=attachment_id, vswitch_ids=vswitch_ids
        )

    dry_run_or_run(params, attempt)
    return {}


def _named_domain(owner, params: Params):
    """TransitRouterMulticastDomainId of a List: the account's domain, or IllegalParam (which Terraform's
    provider reads as "gone")."""
    domain_id = params.string("TransitRouterMulticastDomainId")
    if domain_id and not multicast_selectors.multicast_domains_for(owner=owner).filter(pk=domain_id).exists():
        raise errors.ApiError(
            "IllegalParam.TransitRouterMulticastDomainId", "The specified TransitRouterMulticastDomainId is illegal."
        )  # documented
    return domain_id


def list_transit_router_multicast_domain_associations(*, owner, params: Params) -> dict:
    domain_id = _named_domain(owner, params)
    attachment_id = params.string("TransitRouterAttachmentId")
    if not domain_id and not attachment_id:
        raise errors.missing_parameter("TransitRouterMulticastDomainId")
    associations = multicast_selectors.multicast_associations_for(owner=owner)
    for value, field in ((domain_id, "domain_id"), (attachment_id, "attachment_id")):
        if value:
            associations = associations.filter(**{field: value})
    vswitch_ids = params.indexed("VSwitchIds", limit=MAX_FILTER_IDS)
    if vswitch_ids:
        associations = associations.filter(vswitch_id__in=vswitch_ids)
    resource_type = params.string("ResourceType")
    if resource_type and resource_type != "VPC":
        associations = associations.none()
    resource_id = params.string("ResourceId")
    if resource_id:
        associations = associations.filter(attachment__vpc_id=resource_id)
    read_ignored(params, "ClientToken")
    return token_page(
        associations, params, wrapper="TransitRouterMulticastAssociations", show_item=show.multicast_association
    )


def list_transit_router_multicast_domain_vswitches(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId", required=True)
    vpc_id = params.string("VpcId", required=True)
    if not cen_instances_for(owner=owner).filter(pk=cen_id).exists():
        raise errors.ApiError("InvalidCenId.NotFound", "CenId is not found.")  # documented
    vswitches = multicast_selectors.vswitches_in_domains(owner=owner, cen_id=cen_id, vpc_id=vpc_id)
    wanted = params.indexed("VSwitchIds", limit=50)
    if wanted:
        vswitches = [vswitch for vswitch in vswitches if vswitch in wanted]
    return token_page(vswitches, params, wrapper="VSwitchIds", show_item=str)


# Group members and sources -----------------------------------------------------------------------------


def _group_resources(params: Params, *, peers: bool) -> tuple[str, list[str], list[str]]:
    """GroupIpAddress, NetworkInterfaceIds.N and (for members) PeerTransitRouterMulticastDomains.N: at
    least one, at most five in all."""
    group_ip = params.string("GroupIpAddress", required=True)
    eni_ids = params.indexed("NetworkInterfaceIds", limit=MAX_PER_CALL)
    peer_ids = params.indexed("PeerTransitRouterMulticastDomains", limit=MAX_PER_CALL) if peers else []
    if not eni_ids and not peer_ids:
        raise errors.missing_parameter("NetworkInterfaceIds")
    if len(eni_ids) + len(peer_ids) > MAX_PER_CALL:
        raise errors.invalid_parameter(
            "NetworkInterfaceIds", f"at most {MAX_PER_CALL} ENIs and inter-region multicast domains in all."
        )
    return group_ip, eni_ids, peer_ids


def _register_action(action: str, *, members: bool):
    def register(*, owner, params: Params) -> dict:
        domain_id = params.string("TransitRouterMulticastDomainId", required=True)
        group_ip, eni_ids, peer_ids = _group_resources(params, peers=members)
        vpc_id = params.string("VpcId")
        extra = {"peer_domain_ids": peer_ids} if members else {}
        service = (
            multicast_services.multicast_members_register if members else multicast_services.multicast_sources_register
        )

        def create():
            service(owner=owner, domain_id=domain_id, group_ip=group_ip, eni_ids=eni_ids, vpc_id=vpc_id, **extra)
            return domain_id

        dry_run_or_run(params, lambda: once(owner, params, action, create))
        return {}

    return register


def _deregister_action(*, members: bool):
    def deregister(*, owner, params: Params) -> dict:
        domain_id = params.string("TransitRouterMulticastDomainId", required=True)
        group_ip, eni_ids, peer_ids = _group_resources(params, peers=members)
        read_ignored(params, "ClientToken")
        extra = {"peer_domain_ids": peer_ids} if members else {}
        service = (
            multicast_services.multicast_members_deregister
            if members
            else multicast_services.multicast_sources_deregister
        )

        def attempt():
            service(owner=owner, domain_id=domain_id, group_ip=group_ip, eni_ids=eni_ids, **extra)

        dry_run_or_run(params, attempt)
        return {}

    return deregister


register_transit_router_multicast_group_members = _register_action(
    "RegisterTransitRouterMulticastGroupMembers", members=True
)
register_transit_router_multicast_group_sources = _register_action(
    "RegisterTransitRouterMulticastGroupSources", members=False
)
deregister_transit_router_multicast_group_members = _deregister_action(members=True)
deregister_transit_router_multicast_group_sources = _deregister_action(members=False)


def list_transit_router_multicast_groups(*, owner, params: Params) -> dict:
    domain_id = _named_domain(owner, params)
    attachment_id = params.string("TransitRouterAttachmentId")
    if not domain_id and not attachment_id:
        raise errors.missing_parameter("TransitRouterMulticastDomainId")
    rows = multicast_selectors.group_resources_for(owner=owner)
    for value, field in (
        (domain_id, "domain_id"),
        (attachment_id, "attachment_id"),
        (params.string("GroupIpAddress"), "group_ip"),
    ):
        if value:
            rows = rows.filter(**{field: value})
    for parameter, field in (
        ("VSwitchIds", "vswitch_id__in"),
        ("NetworkInterfaceIds", "network_interface__eni_id__in"),
    ):
        values = params.indexed(parameter, limit=MAX_FILTER_IDS)
        if values:
            rows = rows.filter(**{field: values})
    # Terraform's _domain_peer_members data source sends its list nested (PeerTransitRouterMulticastDomains.1.M).
    peer_ids = params.indexed_or_nested("PeerTransitRouterMulticastDomains", limit=MAX_FILTER_IDS)
    if peer_ids:
        rows = rows.filter(peer_domain_id__in=peer_ids)
    resource_type = params.string("ResourceType", choices=("VPC", "TR"))
    if resource_type:
        rows = rows.filter(network_interface__isnull=resource_type == "TR")
    resource_id = params.string("ResourceId")
    if resource_id:
        rows = multicast_selectors.group_resources_of_resource(rows, resource_id)
    if "IsGroupMember" in params.data or "IsGroupSource" in params.data:
        roles = [
            role for role, flag in (("member", "IsGroupMember"), ("source", "IsGroupSource")) if params.boolean(flag)
        ]
        rows = rows.filter(role__in=roles)
    read_ignored(params, "ClientToken")
    return token_page(rows, params, wrapper="TransitRouterMulticastGroups", show_item=show.multicast_group_resource)
