"""Multicast on transit routers: domains, their vSwitch associations, their groups' members and sources."""

from cenconsole.accounts.uids import account_uid

from .common import tag_list


def multicast_domain(domain, tag_rows=()) -> dict:
    router = domain.transit_router
    return {
        "CenId": router.cen_instance_id,
        "Options": {"Igmpv2Support": "enable" if domain.igmpv2_support else "disable"},
        "RegionId": router.region_id,
        "Status": domain.status,
        "Tags": tag_list(tag_rows),
        "TransitRouterId": router.pk,
        "TransitRouterMulticastDomainDescription": domain.description,
        "TransitRouterMulticastDomainId": domain.pk,
        "TransitRouterMulticastDomainName": domain.name,
    }


def multicast_association(association) -> dict:
    return {
        "ResourceId": association.attachment.vpc_id,
        "ResourceOwnerId": account_uid(association.owner_id),
        "ResourceType": "VPC",
        "Status": association.association_status,
        "TransitRouterAttachmentId": association.attachment_id,
        "TransitRouterMulticastDomainId": association.domain_id,
        "VSwitchId": association.vswitch_id,
    }


def multicast_group_resource(row) -> dict:
    """A member or a source: an ENI (ResourceType VPC, its VPC) or another region's domain (TR, its router)."""
    eni = row.network_interface
    member = row.role == "member"
    return {
        "GroupIpAddress": row.group_ip,
        "GroupMember": member,
        "GroupSource": not member,
        "MemberType": "Static" if member else "",
        "NetworkInterfaceId": eni.eni_id if eni else "",
        "PeerTransitRouterMulticastDomainId": row.peer_domain_id or "",
        "ResourceId": eni.vpc_id if eni else row.peer_domain.transit_router_id,
        "ResourceOwnerId": account_uid(row.domain.owner_id),
        "ResourceType": "VPC" if eni else "TR",
        "SourceType": "" if member else "Static",
        "Status": row.registration_status,
        "TransitRouterAttachmentId": row.attachment_id,
        "TransitRouterMulticastDomainId": row.domain_id,
        "VSwitchId": row.vswitch_id,
    }
