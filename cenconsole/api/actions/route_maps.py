"""Route maps (routing policies): CreateCenRouteMap, DescribeCenRouteMaps, ModifyCenRouteMap,
DeleteCenRouteMap. None of them takes ClientToken or DryRun in the SDK, so neither is read here."""

from cenconsole.cen.selectors import owned_cen
from cenconsole.routemaps import conditions as route_map_conditions
from cenconsole.routemaps import services as route_map_services
from cenconsole.routemaps.selectors import route_maps_for

from .. import representations as show
from ..params import Params
from .common import page


def _conditions(params: Params) -> dict:
    """Every match condition and route action the request carries (a list as Name.N, N up to 32)."""
    given = {}
    for name in route_map_conditions.MODES:
        given[name] = params.string(name)
    for name in route_map_conditions.LISTS:
        given[name] = params.indexed(name, limit=route_map_conditions.MAX_ITEMS)
    for name in route_map_conditions.FLAGS:
        given[name] = params.boolean(name)
    given[route_map_conditions.PREFERENCE] = params.integer(route_map_conditions.PREFERENCE)
    return given


def _policy(params: Params) -> dict:
    return {
        "priority": params.integer("Priority", required=True),
        "map_result": params.string("MapResult", required=True),
        "next_priority": params.integer("NextPriority"),
        "description": params.string("Description") or "",
        "conditions": _conditions(params),
    }


def create_cen_route_map(*, owner, params: Params) -> dict:
    route_map = route_map_services.route_map_create(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        region_code=params.string("CenRegionId", required=True),
        transmit_direction=params.string("TransmitDirection", required=True),
        route_table_id=params.string("TransitRouterRouteTableId"),
        **_policy(params),
    )
    return {"RouteMapId": route_map.pk}


def describe_cen_route_maps(*, owner, params: Params) -> dict:
    cen_instance = owned_cen(owner=owner, cen_instance_id=params.string("CenId", required=True))
    route_maps = route_maps_for(owner=owner).filter(cen_instance=cen_instance)
    for parameter, field in (
        ("CenRegionId", "region_id"),
        ("RouteMapId", "pk"),
        ("TransitRouterRouteTableId", "transit_router_route_table_id"),
        ("TransmitDirection", "transmit_direction"),
    ):
        value = params.string(parameter)
        if value:
            route_maps = route_maps.filter(**{field: value})
    return page(list(route_maps), params, wrapper="RouteMaps", item="RouteMap", show_item=show.route_map)


def modify_cen_route_map(*, owner, params: Params) -> dict:
    """The route map as sent, whole: a condition not sent is cleared (Terraform sends every one each time)."""
    route_map_services.route_map_modify(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        route_map_id=params.string("RouteMapId", required=True),
        region_code=params.string("CenRegionId", required=True),
        **_policy(params),
    )
    return {}


def delete_cen_route_map(*, owner, params: Params) -> dict:
    route_map_services.route_map_delete(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        route_map_id=params.string("RouteMapId", required=True),
        region_code=params.string("CenRegionId", required=True),
    )
    return {}
