"""Access through a CEN instance to PrivateZone (RoutePrivateZoneInCenToVpc, UnroutePrivateZoneInCenToVpc,
DescribeCenPrivateZoneRoutes) and to cloud services in an attached VPC (ResolveAndRouteServiceInCen,
DeleteRouteServiceInCen, DescribeRouteServicesInCen)."""

from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import cen_instance_get
from cenconsole.privatezones import selectors as zone_selectors
from cenconsole.privatezones import services as zone_services

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params
from ..refusals.basic import UNKNOWN_CEN
from .common import CLIENT_TOKEN_MAX_LENGTH, page


def _cen(owner, params: Params):
    """The CEN instance of a PrivateZone read; an unknown one is refused with the code Terraform's
    provider reads there as "gone" (ParameterIllegal.CenInstanceId)."""
    try:
        return cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    except CenInstance.DoesNotExist:
        raise errors.ApiError("ParameterIllegal.CenInstanceId", UNKNOWN_CEN) from None


def route_private_zone_in_cen_to_vpc(*, owner, params: Params) -> dict:
    zone_services.private_zone_route(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        access_region_code=params.string("AccessRegionId", required=True),
        host_region_code=params.string("HostRegionId", required=True),
        host_vpc_id=params.string("HostVpcId", required=True),
    )
    return {}


def unroute_private_zone_in_cen_to_vpc(*, owner, params: Params) -> dict:
    zone_services.private_zone_unroute(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        access_region_code=params.string("AccessRegionId", required=True),
    )
    return {}


def describe_cen_private_zone_routes(*, owner, params: Params) -> dict:
    cen_instance = _cen(owner, params)
    routes = zone_selectors.private_zone_routes_for(owner=owner, cen_instance=cen_instance)
    access_region = params.string("AccessRegionId")
    if access_region:
        routes = routes.filter(access_region_id=access_region)
    host_region = params.string("HostRegionId")
    if host_region:
        routes = routes.filter(host_network__region_id=host_region)
    answer = page(routes, params, wrapper="PrivateZoneInfos", item="PrivateZoneInfo", show_item=show.private_zone_info)
    return {"CenId": cen_instance.pk, "PrivateZoneDnsServers": show.PRIVATE_ZONE_DNS_SERVERS, **answer}


def resolve_and_route_service_in_cen(*, owner, params: Params) -> dict:
    """One configuration per AccessRegionIds.N; the same ClientToken makes them once."""
    request = {
        "cen_instance_id": params.string("CenId", required=True),
        "access_region_codes": params.indexed("AccessRegionIds"),
        "host_region_code": params.string("HostRegionId", required=True),
        "host_vpc_id": params.string("HostVpcId", required=True),
        "host": params.string("Host", required=True),
        "description": params.string("Description") or "",
    }
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)

    def create():
        services = zone_services.route_service_create(owner=owner, **request)
        return ",".join(str(service.pk) for service in services)

    api_services.client_token_once(
        owner=owner, action="ResolveAndRouteServiceInCen", token=token, create=create, fingerprint=params.fingerprint()
    )
    return {}


def delete_route_service_in_cen(*, owner, params: Params) -> dict:
    """Deleting, then gone; a configuration that cannot be found is taken as deleted, as the real API documents."""
    zone_services.route_service_delete(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        access_region_code=params.string("AccessRegionId", required=True),
        host_region_code=params.string("HostRegionId", required=True),
        host=params.string("Host", required=True),
        host_vpc_id=params.string("HostVpcId"),
    )
    return {}


def describe_route_services_in_cen(*, owner, params: Params) -> dict:
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    services = zone_selectors.route_services_for(owner=owner, cen_instance=cen_instance)
    for parameter, lookup in (
        ("AccessRegionId", "access_region_id"),
        ("HostRegionId", "host_region_id"),
        ("Host", "host"),
        ("HostVpcId", "host_network__instance_id"),
    ):
        value = params.string(parameter)
        if value:
            services = services.filter(**{lookup: value})
    return page(
        services, params, wrapper="RouteServiceEntries", item="RouteServiceEntry", show_item=show.route_service_entry
    )
