"""Route views: DescribeCenRegionDomainRouteEntries, DescribePublishedRouteEntries and
DescribeCenChildInstanceRouteEntries, from the routes networks.routes derives (the attached VPCs'
CIDR blocks, the region connections, CEN's test bandwidth)."""

from cenconsole.cen.selectors import cen_instance_get
from cenconsole.networks import routes as network_routes
from cenconsole.networks.selectors import network_instances_for

from .. import errors
from .. import representations as show
from ..params import Params
from .child_instances import UNKNOWN_CHILD_INSTANCE, child_instance_type
from .common import page

ROUTE_STATUSES = [network_routes.ACTIVE, network_routes.REJECTED]


def _status_filter(params: Params, routes):
    status = params.string("Status", choices=ROUTE_STATUSES + ["Candidate", "Prohibited"])
    return [route for route in routes if status is None or route.status == status]


def describe_cen_region_domain_route_entries(*, owner, params: Params) -> dict:
    """The routes of the CEN instance's region domain in CenRegionId."""
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    region_id = params.string("CenRegionId", required=True)
    routes = _status_filter(params, network_routes.cen_routes(cen_instance=cen_instance, region_id=region_id))
    return page(routes, params, wrapper="CenRouteEntries", item="CenRouteEntry", show_item=show.region_domain_route)


def _child_network(owner, params: Params):
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    child_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    child_instance_type(params, required=False)
    networks = network_instances_for(owner=owner).filter(cen_instance=cen_instance, region_id=region_id)
    network = networks.select_related("cen_instance", "region__area").filter(instance_id=child_id).first()
    if network is None:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE)
    table_id = params.string("ChildInstanceRouteTableId")
    if table_id is not None and table_id != network_routes.route_table_id(network):
        raise errors.invalid_parameter("ChildInstanceRouteTableId", "the VPC's system route table expected.")
    return network


def describe_published_route_entries(*, owner, params: Params) -> dict:
    """What the VPC publishes to CEN (its CIDR block), with the routes it conflicts with."""
    network = _child_network(owner, params)
    destination = params.string("DestinationCidrBlock")
    routes = [
        route
        for route in network_routes.published_routes(network=network)
        if destination is None or route.destination == destination
    ]
    return page(
        routes,
        params,
        wrapper="PublishedRouteEntries",
        item="PublishedRouteEntry",
        show_item=show.published_route,
    )


def describe_cen_child_instance_route_entries(*, owner, params: Params) -> dict:
    """The VPC's route table as CEN sees it: its own route and those it learns through CEN."""
    network = _child_network(owner, params)
    routes = _status_filter(params, network_routes.child_instance_routes(network=network))
    return page(
        routes,
        params,
        wrapper="CenRouteEntries",
        item="CenRouteEntry",
        show_item=lambda route: show.child_instance_route(route, network),
    )
