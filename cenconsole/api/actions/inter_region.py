"""Inter-region bandwidth: the inter-region bandwidth limits (region connections), and the areas
and geographic spans a package covers."""

from django.db import transaction
from django.db.models import Q

from cenconsole.bandwidth.models import geographic_span
from cenconsole.bandwidth.selectors import packages_for_cen
from cenconsole.cen.selectors import cen_instance_get, cen_instances_for
from cenconsole.networks import services as network_services
from cenconsole.networks.models import RegionConnection
from cenconsole.networks.selectors import with_usage
from cenconsole.regions.models import Area, Region

from .. import representations as show
from .. import services as api_services
from ..models import ConnectionDirection
from ..params import Params
from .common import area_param, page


def set_cen_inter_region_bandwidth_limit(*, owner, params: Params) -> dict:
    """Sets, changes or (BandwidthLimit 0) removes the connection between two regions."""
    params.string("BandwidthType", choices=["BandwidthPackage"])
    local_region, opposite_region = (
        params.string("LocalRegionId", required=True),
        params.string("OppositeRegionId", required=True),
    )
    with transaction.atomic():
        connection = network_services.region_connection_set_by_regions(
            owner=owner,
            cen_instance_id=params.string("CenId", required=True),
            local_region_code=local_region,
            opposite_region_code=opposite_region,
            bandwidth=params.integer("BandwidthLimit", required=True),
        )
        if connection is not None:
            api_services.connection_direction_record(
                connection=connection, local_region_id=local_region, opposite_region_id=opposite_region
            )
    return {}


def describe_cen_inter_region_bandwidth_limits(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId")
    region_id = params.string("TrRegionId")
    instances = cen_instances_for(owner=owner)
    if cen_id is not None:
        instances = instances.filter(pk=cen_instance_get(owner=owner, cen_id=cen_id).pk)
    connections = RegionConnection.objects.filter(cen_instance__in=instances).select_related("package")
    if region_id:
        connections = connections.filter(Q(local_region_id=region_id) | Q(opposite_region_id=region_id))
    number, size = params.page()
    page = list(connections.order_by("created_at", "id")[(number - 1) * size : number * size])
    directions = ConnectionDirection.objects.in_bulk([connection.pk for connection in page])
    shown = [
        show.inter_region_bandwidth_limit(connection, *_direction(connection, directions.get(connection.pk)))
        for connection in page
    ]
    return show.page(
        shown,
        total=connections.count(),
        number=number,
        size=size,
        wrapper="CenInterRegionBandwidthLimits",
        item="CenInterRegionBandwidthLimit",
    )


def _direction(connection, direction: ConnectionDirection | None) -> tuple[str, str]:
    """(local, opposite) as the API caller gave them, else as the console stores them."""
    stored = (connection.local_region_id, connection.opposite_region_id)
    if direction is not None and (direction.opposite_region_id, direction.local_region_id) == stored:
        return direction.local_region_id, direction.opposite_region_id
    return stored


def describe_geographic_region_membership(*, owner, params: Params) -> dict:
    area = area_param(params, "GeographicRegionId")
    regions = Region.objects.filter(area=area).order_by("position")
    return page(regions, params, wrapper="RegionIds", item="RegionId", show_item=lambda r: {"RegionId": r.pk})


def _spans() -> list[tuple[str, Area, Area]]:
    """Every pair of areas, a same-area pair included, in the seed table's order."""
    areas = list(Area.objects.order_by("position"))
    return [(geographic_span(a, b), a, b) for index, a in enumerate(areas) for b in areas[index:]]


def describe_cen_geographic_spans(*, owner, params: Params) -> dict:
    span_id = params.string("GeographicSpanId")
    spans = [span for span in _spans() if span_id is None or span[0] == span_id.lower()]
    return page(
        spans,
        params,
        wrapper="GeographicSpanModels",
        item="GeographicSpanModel",
        show_item=lambda span: show.geographic_span(*span),
    )


def describe_cen_geographic_span_remaining_bandwidth(*, owner, params: Params) -> dict:
    """What the CEN instance's package for an area pair has left for region connections (0 without one)."""
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    span = geographic_span(area_param(params, "GeographicRegionAId"), area_param(params, "GeographicRegionBId"))
    params.page()
    package = with_usage(packages_for_cen(owner=owner, cen_instance=cen_instance)).filter(geographic_span=span).first()
    return {"RemainingBandwidth": max(package.remaining_bandwidth, 0) if package else 0}
