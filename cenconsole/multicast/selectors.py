"""Reads for multicast: the account's own domains, associations and group members and sources, not
yet gone."""

import ipaddress

from django.db.models import Count, Q

from .models import MulticastAssociation, MulticastDomain, MulticastGroupResource


def multicast_domains_for(*, owner):
    return (
        MulticastDomain.objects.present()
        .filter(owner=owner, transit_router__deleted_at__isnull=True)
        .select_related("transit_router")
        .order_by("created_at", "id")
    )


def multicast_associations_for(*, owner):
    return (
        MulticastAssociation.objects.present()
        .filter(owner=owner, domain__deleted_at__isnull=True)
        .select_related("attachment")
        .order_by("created_at", "id")
    )


def group_resources_for(*, owner):
    return (
        MulticastGroupResource.objects.present()
        .filter(domain__owner=owner)
        .select_related("domain", "network_interface", "peer_domain__transit_router")
        .order_by("created_at", "id")
    )


def group_resources_of_resource(rows, resource_id: str):
    """Members and sources whose resource is resource_id: an ENI's VPC, or a peer domain's router."""
    return rows.filter(Q(network_interface__vpc_id=resource_id) | Q(peer_domain__transit_router_id=resource_id))


def vswitches_in_domains(*, owner, cen_id: str, vpc_id: str) -> list[str]:
    """The vSwitches of a VPC, connected to one of the CEN instance's routers, that are associated with a
    multicast domain (ListTransitRouterMulticastDomainVSwitches)."""
    return list(
        multicast_associations_for(owner=owner)
        .filter(attachment__vpc_id=vpc_id, attachment__transit_router__cen_instance_id=cen_id)
        .values_list("vswitch_id", flat=True)
        .distinct()
        .order_by("vswitch_id")
    )


def router_multicast_domains(*, owner, router) -> list:
    """The Multicast tab of a transit router: its domains, oldest first, each with how many vSwitches are
    associated and how many members and sources are registered (counted in the same query)."""
    return list(
        multicast_domains_for(owner=owner)
        .filter(transit_router=router)
        .annotate(
            vswitch_count=Count("associations", filter=Q(associations__deleted_at__isnull=True), distinct=True),
            group_resource_count=Count(
                "group_resources", filter=Q(group_resources__deleted_at__isnull=True), distinct=True
            ),
        )
    )


def domain_associations(*, owner, domain) -> list:
    """A domain's vSwitches, with their VPC connection."""
    return list(multicast_associations_for(owner=owner).filter(domain=domain))


def domain_group_resources(*, owner, domain) -> list:
    """A domain's multicast groups' sources and members, by group address, sources first."""
    return sorted(
        group_resources_for(owner=owner).filter(domain=domain),
        key=lambda row: (ipaddress.IPv4Address(row.group_ip), row.role != MulticastGroupResource.Role.SOURCE),
    )


def peer_domain_candidates(*, owner, domain) -> list:
    """Add Multicast Member's other regions' domains: those of the same CEN instance's other routers."""
    router = domain.transit_router
    return list(
        multicast_domains_for(owner=owner)
        .filter(transit_router__cen_instance_id=router.cen_instance_id, deleted_at__isnull=True)
        .exclude(transit_router__region_id=router.region_id)
        .select_related("transit_router__region")
    )
