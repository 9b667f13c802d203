"""Writes for access through a CEN instance to PrivateZone (RoutePrivateZoneInCenToVpc,
UnroutePrivateZoneInCenToVpc) and to cloud services (ResolveAndRouteServiceInCen,
DeleteRouteServiceInCen). The host VPC must be a network instance attached to the CEN instance in the
host region, and the CEN instance must have a network instance in each access region. Each write locks
the CEN instance's row, so two requests for the same access are served one after the other."""

import ipaddress

from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.networks.models import NetworkInstance
from cenconsole.regions.models import Region

from .messages import (
    ACCESS_REGIONS_REQUIRED,
    HOST_FORMAT,
    NO_ACCESS_NETWORK,
    NO_HOST_VPC,
    PRIVATE_ZONE_ROUTE_CREATING,
    PRIVATE_ZONE_ROUTE_EXISTS,
    ROUTE_SERVICE_BUSY,
    ROUTE_SERVICE_EXISTS,
    UNKNOWN_REGION,
)
from .models import AccessStatus, PrivateZoneRoute, RouteService

# The real service's code for either check: no child instance in the host or the access region.
NO_CHILD_INSTANCE = "no_child_instance_either_region"


def _locked_cen(*, owner, cen_instance_id: str) -> CenInstance:
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    return CenInstance.objects.select_for_update().get(pk=cen_instance.pk)


def _region(code: str, field: str) -> Region:
    region = Region.objects.filter(pk=code).first()
    if region is None:
        raise field_error(field, UNKNOWN_REGION, "unknown_region")
    return region


def _host_network(*, cen_instance, vpc_id: str, region: Region) -> NetworkInstance:
    network = NetworkInstance.objects.filter(cen_instance=cen_instance, instance_id=vpc_id, region=region).first()
    if network is None:
        raise field_error(
            "host_vpc", NO_HOST_VPC, NO_CHILD_INSTANCE, vpc_id=vpc_id, cen_id=cen_instance.pk, region=region.pk
        )
    return network


def _access_network_check(*, cen_instance, region: Region) -> None:
    if not NetworkInstance.objects.filter(cen_instance=cen_instance, region=region).exists():
        raise field_error(
            "access_region", NO_ACCESS_NETWORK, NO_CHILD_INSTANCE, cen_id=cen_instance.pk, region=region.pk
        )


@transaction.atomic
def private_zone_route(
    *, owner, cen_instance_id: str, access_region_code: str, host_region_code: str, host_vpc_id: str
) -> PrivateZoneRoute:
    """RoutePrivateZoneInCenToVpc: the access region's networks resolve the host VPC's PrivateZone
    names. One per access region; Creating for a few seconds, then Active."""
    cen_instance = _locked_cen(owner=owner, cen_instance_id=cen_instance_id)
    access_region = _region(access_region_code, "access_region")
    host_network = _host_network(
        cen_instance=cen_instance, vpc_id=host_vpc_id, region=_region(host_region_code, "host_region")
    )
    _access_network_check(cen_instance=cen_instance, region=access_region)
    existing = (
        PrivateZoneRoute.objects.present()
        .filter(cen_instance=cen_instance, access_region=access_region)
        .select_related("host_network")
        .first()
    )
    taken = refusal(
        PRIVATE_ZONE_ROUTE_EXISTS,
        "private_zone_route_exists",
        cen_id=cen_instance.pk,
        region=access_region.pk,
        vpc_id=existing.host_network.instance_id if existing else host_vpc_id,
    )
    if existing is not None:
        raise taken
    route = PrivateZoneRoute(
        owner=owner, cen_instance=cen_instance, access_region=access_region, host_network=host_network
    )
    try:
        with transaction.atomic():
            route.save(force_insert=True)
    except IntegrityError:
        raise taken from None
    audit_record(
        actor=owner,
        action="cen.private_zone_routed",
        target=cen_instance,
        changes={f"PrivateZone {access_region.pk}": (None, host_network.instance_id)},
    )
    return route


@transaction.atomic
def private_zone_unroute(*, owner, cen_instance_id: str, access_region_code: str) -> PrivateZoneRoute | None:
    """UnroutePrivateZoneInCenToVpc: Deleting for a few seconds, then gone. Access the region does not
    have (or that is already Deleting) leaves nothing to do."""
    cen_instance = _locked_cen(owner=owner, cen_instance_id=cen_instance_id)
    route = (
        PrivateZoneRoute.objects.select_for_update(of=("self",))
        .select_related("host_network")
        .filter(cen_instance=cen_instance, access_region_id=access_region_code, deleted_at__isnull=True)
        .first()
    )
    if route is None:
        return None
    if route.status == AccessStatus.CREATING:
        raise refusal(PRIVATE_ZONE_ROUTE_CREATING, "private_zone_route_creating", region=access_region_code)
    route.deleted_at = clock.now()
    route.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="cen.private_zone_unrouted",
        target=cen_instance,
        changes={f"PrivateZone {access_region_code}": (route.host_network.instance_id, None)},
    )
    return route


def host_clean(value: str) -> str:
    """A cloud service's address as given (the ID Terraform keeps names it so): an IPv4 address or CIDR block."""
    value = (value or "").strip()
    try:
        ipaddress.IPv4Network(value, strict=False)
    except ValueError:
        raise field_error("host", HOST_FORMAT, "host_format") from None
    return value


@transaction.atomic
def route_service_create(
    *,
    owner,
    cen_instance_id: str,
    access_region_codes: list[str],
    host_region_code: str,
    host_vpc_id: str,
    host: str,
    description: str = "",
) -> list[RouteService]:
    """ResolveAndRouteServiceInCen: each access region's networks reach the service's address through
    the host VPC; one configuration per access region, all made or none. Creating, then Active."""
    cen_instance = _locked_cen(owner=owner, cen_instance_id=cen_instance_id)
    host = host_clean(host)
    texts = clean_texts(description=description)
    if not access_region_codes:
        raise field_error("access_region", ACCESS_REGIONS_REQUIRED, "access_regions_required")
    host_region = _region(host_region_code, "host_region")
    host_network = _host_network(cen_instance=cen_instance, vpc_id=host_vpc_id, region=host_region)
    made = []
    for code in dict.fromkeys(access_region_codes):
        access_region = _region(code, "access_region")
        _access_network_check(cen_instance=cen_instance, region=access_region)
        taken = refusal(
            ROUTE_SERVICE_EXISTS,
            "route_service_exists",
            cen_id=cen_instance.pk,
            region=code,
            host=host,
            host_region=host_region.pk,
        )
        same = RouteService.objects.present().filter(
            cen_instance=cen_instance, host_region=host_region, host=host, access_region=access_region
        )
        if same.exists():
            raise taken
        service = RouteService(
            owner=owner,
            cen_instance=cen_instance,
            access_region=access_region,
            host_region=host_region,
            host=host,
            host_network=host_network,
            **texts,
        )
        try:
            with transaction.atomic():
                service.save(force_insert=True)
        except IntegrityError:
            raise taken from None
        made.append(service)
    audit_record(
        actor=owner,
        action="cen.route_service_added",
        target=cen_instance,
        changes={f"{host} {service.access_region_id}": (None, host_network.instance_id) for service in made},
    )
    return made


@transaction.atomic
def route_service_delete(
    *,
    owner,
    cen_instance_id: str,
    access_region_code: str,
    host_region_code: str,
    host: str,
    host_vpc_id: str | None = None,
) -> RouteService | None:
    """DeleteRouteServiceInCen: Deleting for a few seconds, then gone. As the real service documents,
    a configuration that cannot be found is taken as deleted: nothing to do."""
    cen_instance = _locked_cen(owner=owner, cen_instance_id=cen_instance_id)
    services = (
        RouteService.objects.present()
        .select_for_update(of=("self",))
        .select_related("host_network")
        .filter(
            cen_instance=cen_instance,
            access_region_id=access_region_code,
            host_region_id=host_region_code,
            host=(host or "").strip(),
        )
    )
    if host_vpc_id:
        services = services.filter(host_network__instance_id=host_vpc_id)
    service = services.first()
    if service is None:
        return None
    if service.status != AccessStatus.ACTIVE:
        raise refusal(
            ROUTE_SERVICE_BUSY,
            "route_service_busy",
            host=service.host,
            region=access_region_code,
            status=service.status,
        )
    service.deleted_at = clock.now()
    service.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="cen.route_service_deleted",
        target=cen_instance,
        changes={f"{service.host} {access_region_code}": (service.host_network.instance_id, None)},
    )
    return service
