"""Create, modify and delete multicast domains (of transit routers made with multicast)."""

from django.db import transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.core.validators import clean_texts
from cenconsole.transit.models import TransitRouter
from cenconsole.transit.services.common import owned_router, refuse_unless_active

from ..messages import (
    DOMAIN_HAS_ASSOCIATIONS,
    DOMAIN_HAS_GROUPS,
    DOMAIN_IS_PEER_MEMBER,
    IGMPV2_STAYS_ON,
    NO_ROUTER_IN_REGION,
    ROUTER_HAS_DOMAINS,
    ROUTER_OF_OTHER_CEN,
    ROUTER_WITHOUT_MULTICAST,
)
from ..models import MulticastDomain
from .common import igmpv2_clean, owned_domain, refuse_unless_domain_active


def _router_of(*, owner, transit_router_id: str | None, cen_id: str | None, region_code: str | None) -> TransitRouter:
    """The router the domain goes on: TransitRouterId (of CenId, when both are given), or the CEN
    instance's router in region_code."""
    if transit_router_id:
        router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
        if cen_id and router.cen_instance_id != cen_id:
            raise field_error(
                "cen_id", ROUTER_OF_OTHER_CEN, "router_of_other_cen", transit_router_id=router.pk, cen_id=cen_id
            )
        return router
    found = (
        TransitRouter.objects.live()
        .filter(owner=owner, cen_instance_id=cen_id, region_id=region_code, cen_instance__deleted_at__isnull=True)
        .values_list("pk", flat=True)
        .first()
    )
    if found is None:
        raise refusal(NO_ROUTER_IN_REGION, "no_transit_router_in_region", cen_id=cen_id, region=region_code)
    return owned_router(owner=owner, transit_router_id=found, lock=True)


@transaction.atomic
def multicast_domain_create(
    *,
    owner,
    transit_router_id: str | None = None,
    cen_id: str | None = None,
    region_code: str | None = None,
    name: str = "",
    description: str = "",
    igmpv2_support: str | None = None,
) -> MulticastDomain:
    """Create Multicast Domain on an Active router made with multicast (by its ID, or by its CEN
    instance and region). Creating for a few seconds, then Active."""
    router = _router_of(owner=owner, transit_router_id=transit_router_id, cen_id=cen_id, region_code=region_code)
    refuse_unless_active(router)
    if not router.support_multicast:
        raise refusal(ROUTER_WITHOUT_MULTICAST, "router_without_multicast", transit_router_id=router.pk)
    domain = MulticastDomain(
        owner=owner,
        transit_router=router,
        igmpv2_support=bool(igmpv2_clean(igmpv2_support)),
        **clean_texts(name=name, description=description),
    )
    domain.save(force_insert=True)
    audit_record(
        actor=owner,
        action="multicast.domain_created",
        target=domain,
        changes={"transit_router": (None, router.pk), "igmpv2_support": (None, domain.igmpv2_support)},
    )
    return domain


@transaction.atomic
def multicast_domain_update(
    *,
    owner,
    domain_id: str,
    name: str | None = None,
    description: str | None = None,
    igmpv2_support: str | None = None,
) -> MulticastDomain:
    """ModifyTransitRouterMulticastDomain: name, description, IGMPv2 (which, once enabled, stays);
    None leaves a field as it is."""
    domain = owned_domain(owner=owner, domain_id=domain_id, lock=True)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    data = clean_texts(**given)
    igmpv2 = igmpv2_clean(igmpv2_support)
    if igmpv2 is not None:
        if domain.igmpv2_support and not igmpv2:
            raise refusal(IGMPV2_STAYS_ON, "igmpv2_stays_on", domain_id=domain.pk)
        data["igmpv2_support"] = igmpv2
    audited_update(
        actor=owner,
        action="multicast.domain_modified",
        instance=domain,
        fields=["name", "description", "igmpv2_support"],
        data=data,
    )
    return domain


@transaction.atomic
def multicast_domain_delete(*, owner, domain_id: str) -> MulticastDomain:
    """Delete: an Active domain with no vSwitch, member or source left, and a member of no other
    domain's group, is Deleting for a few seconds, then gone."""
    domain = owned_domain(owner=owner, domain_id=domain_id, lock=True)
    refuse_unless_domain_active(domain)
    vswitches = domain.associations.present().values_list("vswitch_id", flat=True)
    refuse_if_any(
        vswitches, DOMAIN_HAS_ASSOCIATIONS, "domain_has_associations", listed_as="vswitches", domain_id=domain.pk
    )
    groups = sorted(domain.group_resources.present().values_list("group_ip", flat=True))
    refuse_if_any(groups, DOMAIN_HAS_GROUPS, "multicast_groups_exist", listed_as="groups", domain_id=domain.pk)
    membership = domain.peer_memberships.present().first()
    if membership is not None:
        raise refusal(
            DOMAIN_IS_PEER_MEMBER,
            "domain_is_peer_member",
            domain_id=domain.pk,
            other_id=membership.domain_id,
            group_ip=membership.group_ip,
        )
    domain.deleted_at = clock.now()
    domain.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner, action="multicast.domain_deleted", target=domain, changes={"deleted_at": (None, domain.deleted_at)}
    )
    return domain


def refuse_router_delete_with_domains(sender, *, owner, router, **kwargs) -> None:
    """Receiver of transit's transit_router_deleting: a router with multicast domains stays."""
    refuse_if_any(
        MulticastDomain.objects.present().filter(transit_router=router).values_list("pk", flat=True),
        ROUTER_HAS_DOMAINS,
        "transit_router_has_multicast_domains",
        listed_as="domains",
        transit_router_id=router.pk,
    )
