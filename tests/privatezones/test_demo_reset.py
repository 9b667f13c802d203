"""Reset demo removes an account's VPC route entries and its PrivateZone and cloud-service access with
its network instances."""

import pytest

from cenconsole.demo import services as demo_services
from cenconsole.networks import services as network_services
from cenconsole.networks.models import VpcRouteEntry
from cenconsole.privatezones import services
from cenconsole.privatezones.models import PrivateZoneRoute, RouteService

pytestmark = pytest.mark.django_db


def test_reset_demo_removes_route_entries_and_private_zone_and_service_access():
    """A sandbox with a published route, PrivateZone access and a cloud service resets cleanly."""
    sandbox = demo_services.sandbox_create(ip_address=None)
    cen_instance = sandbox.cen_instances.get()
    network_services.network_instance_attach(
        owner=sandbox, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_id="vpc-reset01"
    )
    route = {"owner": sandbox, "cen_instance_id": cen_instance.pk, "vpc_id": "vpc-reset01"}
    network_services.route_entry_publish(
        **route, region_code="cn-hangzhou", route_table_id="vtb-reset01", destination_cidr="192.168.0.0/24"
    )
    zone = {"access_region_code": "cn-hangzhou", "host_region_code": "cn-hangzhou", "host_vpc_id": "vpc-reset01"}
    services.private_zone_route(owner=sandbox, cen_instance_id=cen_instance.pk, **zone)
    services.route_service_create(
        owner=sandbox,
        cen_instance_id=cen_instance.pk,
        access_region_codes=["cn-hangzhou"],
        host_region_code="cn-hangzhou",
        host_vpc_id="vpc-reset01",
        host="100.118.28.0/24",
    )
    demo_services.demo_reset(account=sandbox)
    assert not VpcRouteEntry.objects.filter(vpc_id="vpc-reset01").exists()  # the seed's own routes come back
    assert not PrivateZoneRoute.objects.exists() and not RouteService.objects.exists()
