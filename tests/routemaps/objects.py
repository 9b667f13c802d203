"""A route map, a VBR health check and a flow log of a CEN instance, made through the real services
(for the demo removal tests: a sandbox holding every kind of row; for the page walks, by URL argument).
Made a minute ago, so the route map is Active now (Modify and Delete are offered)."""

from datetime import timedelta

import time_machine

from cenconsole.core import clock
from cenconsole.flowlogs import services as flow_log_services
from cenconsole.healthchecks import services as health_check_services
from cenconsole.routemaps import services as route_map_services


def routing_objects(*, owner, cen_instance, router_id: str = "") -> dict:
    with time_machine.travel(clock.real_now() - timedelta(seconds=30), tick=False):
        return _routing_objects(owner=owner, cen_instance=cen_instance, router_id=router_id)


def _routing_objects(*, owner, cen_instance, router_id: str) -> dict:
    route_map = route_map_services.route_map_create(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        region_code="cn-hangzhou",
        transmit_direction="RegionIn",
        priority=10,
        map_result="Permit",
    )
    check = health_check_services.vbr_health_check_enable(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        vbr_id="vbr-objects0001",
        vbr_region_code="cn-hangzhou",
        target_ip="10.0.0.2",
    )
    flow_log = flow_log_services.flow_log_create(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        region_code="cn-hangzhou",
        transit_router_id=router_id,
        project_name="objects-project",
        log_store_name="objects-store",
    )
    return {"route_map_id": route_map.pk, "health_check_id": check.pk, "flow_log_id": flow_log.pk}
