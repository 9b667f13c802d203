"""Multicast objects for the purge and page walks: made a minute ago through the real services, so
they are Active / Associated / Registered now."""

from datetime import timedelta

import time_machine

from cenconsole.core import clock
from cenconsole.multicast import services
from cenconsole.multicast.models import MulticastDomain
from cenconsole.transit import services as transit_services


def multicast_objects(*, owner, cen_instance, region="cn-beijing") -> dict:
    """A multicast router in `region` with a VPC connection, a domain with its vSwitch associated, and an
    ENI that is both a source and a member of group 239.0.0.2."""
    moments = [clock.real_now() - timedelta(seconds=seconds) for seconds in (60, 50, 40, 30)]
    with time_machine.travel(moments[0], tick=False):
        router = transit_services.transit_router_create(
            owner=owner, cen_instance_id=cen_instance.pk, region_code=region, support_multicast=True
        )
    with time_machine.travel(moments[1], tick=False):
        attachment = transit_services.vpc_attachment_create(
            owner=owner,
            transit_router_id=router.pk,
            vpc_id="vpc-mcast0009",
            zone_mappings=[(f"{region}-a", "vsw-mcast0009")],
        )
        domain = services.multicast_domain_create(owner=owner, transit_router_id=router.pk, name="组播")
    with time_machine.travel(moments[2], tick=False):
        services.multicast_domain_associate(
            owner=owner, domain_id=domain.pk, attachment_id=attachment.pk, vswitch_ids=["vsw-mcast0009"]
        )
    with time_machine.travel(moments[3], tick=False):
        for register in (services.multicast_sources_register, services.multicast_members_register):
            register(owner=owner, domain_id=domain.pk, group_ip="239.0.0.2", eni_ids=["eni-mcast0009"])
    return {"router_id": router.pk, "domain_id": domain.pk, "attachment_id": attachment.pk}


def multicast_page_objects(*, owner, cen_instance) -> dict:
    """The URL arguments of the console's multicast pages: multicast_objects' domain (on its own
    multicast router in cn-beijing), its vSwitch association and its group's source."""
    made = multicast_objects(owner=owner, cen_instance=cen_instance)
    domain = MulticastDomain.objects.get(pk=made["domain_id"])
    return {
        "domain_id": domain.pk,
        "association_id": domain.associations.get().pk,
        "group_resource_id": domain.group_resources.get(role="source").pk,
    }
