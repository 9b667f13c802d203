"""The account's transit router service (CheckTransitRouterService, OpenTransitRouterService) and the
zones a region offers transit routers (ListTransitRouterAvailableResource)."""

from cenconsole.regions.models import Region
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services

from .. import errors
from ..params import Params
from .common import read_ignored

SERVICE_NOT_OPEN = errors.ApiError(
    "USER_NOT_OPEN_TR_SERVICE", "The user has not open transit router service."
)  # documented, word for word


def check_transit_router_service(*, owner, params: Params) -> dict:
    """Enabled is the string "true" (the SDK's model and the reference); a closed service is an error."""
    read_ignored(params, "ClientToken")
    if not transit_selectors.transit_router_service_enabled(owner=owner):
        raise SERVICE_NOT_OPEN
    return {"Enabled": "true"}


def open_transit_router_service(*, owner, params: Params) -> dict:
    """OrderId: the order that opened the service (now, or before: opening is idempotent, so ClientToken
    changes nothing)."""
    read_ignored(params, "ClientToken")
    return {"OrderId": transit_services.transit_router_service_open(owner=owner).order_id}


def list_transit_router_available_resource(*, owner, params: Params) -> dict:
    """The region's zones for transit routers: all of them available, the first primary, the second
    secondary (for routers that still connect VPCs through a primary and a secondary zone)."""
    region_id = params.string("RegionId", required=True)
    multicast = params.boolean("SupportMulticast")
    if not Region.objects.filter(pk=region_id).exists():
        raise errors.service_error("unknown_region")
    zones = transit_selectors.transit_router_zones(region_id)
    return {"AvailableZones": zones, "MasterZones": zones[:1], "SlaveZones": zones[1:2], "SupportMulticast": multicast}
