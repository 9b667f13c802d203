"""PrivateZone and cloud-service access through a CEN instance: statuses on the clock, the host VPC and
access region rules, one configuration per access region (and address), and deletion."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.networks import services as network_services
from cenconsole.privatezones import services
from cenconsole.privatezones.models import PrivateZoneRoute, RouteService
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def host(cen_instance):
    """vpc-host attached in cn-hangzhou, and a network instance in us-east-1 (an access region)."""
    network_services.network_instance_attach(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="us-east-1", network_id="vpc-va"
    )
    return network_services.network_instance_attach(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_id="vpc-host"
    )


def zone(network, access_region="cn-hangzhou", **overrides):
    return {
        "owner": network.owner,
        "cen_instance_id": network.cen_instance_id,
        "access_region_code": access_region,
        "host_region_code": "cn-hangzhou",
        "host_vpc_id": "vpc-host",
        **overrides,
    }


def service(network, access_regions=("cn-hangzhou",), **overrides):
    return {
        "owner": network.owner,
        "cen_instance_id": network.cen_instance_id,
        "access_region_codes": list(access_regions),
        "host_region_code": "cn-hangzhou",
        "host_vpc_id": "vpc-host",
        "host": "100.118.28.0/24",
        **overrides,
    }


def code_of(excinfo) -> str:
    error = excinfo.value
    return next(iter(error.error_dict.values()))[0].code if hasattr(error, "error_dict") else error.error_list[0].code


# PrivateZone -------------------------------------------------------------------------------------


def test_private_zone_access_is_creating_then_active(host, later):  # noqa: F811
    """RoutePrivateZoneInCenToVpc: Creating for a few seconds, then Active, audited on the CEN instance."""
    route = services.private_zone_route(**zone(host))
    assert (route.access_region_id, route.host_network, route.status) == ("cn-hangzhou", host, "Creating")
    later()
    assert PrivateZoneRoute.objects.get(pk=route.pk).status == "Active"
    assert AuditRecord.objects.filter(action="cen.private_zone_routed", target_id=host.cen_instance_id).exists()


def test_a_host_vpc_not_attached_in_the_host_region_is_refused(host):
    """Another VPC, or the host VPC's region given wrong: no_child_instance_either_region."""
    for overrides in ({"host_vpc_id": "vpc-nothere"}, {"host_region_code": "us-east-1"}):
        with pytest.raises(ValidationError) as excinfo:
            services.private_zone_route(**zone(host, **overrides))
        assert code_of(excinfo) == "no_child_instance_either_region"


def test_an_access_region_without_a_network_instance_is_refused(host):
    """Frankfurt has no network instance of the CEN instance: no_child_instance_either_region."""
    with pytest.raises(ValidationError) as excinfo:
        services.private_zone_route(**zone(host, "eu-central-1"))
    assert code_of(excinfo) == "no_child_instance_either_region"


def test_an_unknown_region_is_refused(host):
    """A region not in the seed's table: unknown_region."""
    with pytest.raises(ValidationError) as excinfo:
        services.private_zone_route(**zone(host, "mars-1"))
    assert code_of(excinfo) == "unknown_region"


def test_an_access_region_has_one_private_zone_access(host):
    """A second RoutePrivateZoneInCenToVpc for the same access region: private_zone_route_exists."""
    services.private_zone_route(**zone(host))
    with pytest.raises(ValidationError) as excinfo:
        services.private_zone_route(**zone(host))
    assert code_of(excinfo) == "private_zone_route_exists"


def test_another_access_region_gets_its_own_access(host):
    """us-east-1 (with a network instance) reaches the Hangzhou PrivateZone too."""
    services.private_zone_route(**zone(host))
    assert services.private_zone_route(**zone(host, "us-east-1")).access_region_id == "us-east-1"


def test_unrouting_is_deleting_then_gone(host, later):  # noqa: F811
    """UnroutePrivateZoneInCenToVpc on Active access: Deleting for a few seconds, then gone."""
    services.private_zone_route(**zone(host))
    later()
    route = services.private_zone_unroute(
        owner=host.owner, cen_instance_id=host.cen_instance_id, access_region_code="cn-hangzhou"
    )
    assert route.status == "Deleting"
    assert PrivateZoneRoute.objects.present().count() == 1
    later(30)
    assert PrivateZoneRoute.objects.present().count() == 0


def test_creating_access_cannot_be_unrouted_yet(host):
    """While Creating only reads are allowed: private_zone_route_creating."""
    services.private_zone_route(**zone(host))
    with pytest.raises(ValidationError) as excinfo:
        services.private_zone_unroute(
            owner=host.owner, cen_instance_id=host.cen_instance_id, access_region_code="cn-hangzhou"
        )
    assert code_of(excinfo) == "private_zone_route_creating"


def test_unrouting_access_that_is_not_there_changes_nothing(host):
    """No access for the region: nothing to do, no refusal."""
    assert (
        services.private_zone_unroute(
            owner=host.owner, cen_instance_id=host.cen_instance_id, access_region_code="us-east-1"
        )
        is None
    )


# Cloud services ----------------------------------------------------------------------------------


def test_a_cloud_service_is_routed_for_each_access_region(host, later):  # noqa: F811
    """ResolveAndRouteServiceInCen: one configuration per access region, Creating then Active, its CIDR."""
    made = services.route_service_create(**service(host, ("cn-hangzhou", "us-east-1"), description="OSS"))
    assert [(s.access_region_id, s.host, s.cidrs, s.description, s.status) for s in made] == [
        ("cn-hangzhou", "100.118.28.0/24", ["100.118.28.0/24"], "OSS", "Creating"),
        ("us-east-1", "100.118.28.0/24", ["100.118.28.0/24"], "OSS", "Creating"),
    ]
    later()
    assert {s.status for s in RouteService.objects.all()} == {"Active"}


def test_an_ip_address_resolves_to_its_slash_32(host):
    """Host 100.100.2.136: the CIDR block 100.100.2.136/32."""
    (made,) = services.route_service_create(**service(host, host="100.100.2.136"))
    assert made.cidrs == ["100.100.2.136/32"]


def test_a_host_that_is_not_an_address_is_refused(host):
    """A domain name or garbage: host_format (the replica resolves no names)."""
    for bad in ("oss.aliyuncs.com", "300.1.1.1", ""):
        with pytest.raises(ValidationError) as excinfo:
            services.route_service_create(**service(host, host=bad))
        assert code_of(excinfo) == "host_format"


def test_no_access_region_is_refused(host):
    """AccessRegionIds empty: access_regions_required."""
    with pytest.raises(ValidationError) as excinfo:
        services.route_service_create(**service(host, ()))
    assert code_of(excinfo) == "access_regions_required"


def test_the_same_service_for_the_same_access_region_is_refused_and_nothing_is_made(host):
    """A second configuration for cn-hangzhou: route_service_exists, and us-east-1's is not made either."""
    services.route_service_create(**service(host))
    with pytest.raises(ValidationError) as excinfo:
        services.route_service_create(**service(host, ("us-east-1", "cn-hangzhou")))
    assert code_of(excinfo) == "route_service_exists"
    assert RouteService.objects.count() == 1


def test_a_service_being_created_cannot_be_deleted_yet(host):
    """Creating: route_service_busy."""
    services.route_service_create(**service(host))
    with pytest.raises(ValidationError) as excinfo:
        services.route_service_delete(
            owner=host.owner,
            cen_instance_id=host.cen_instance_id,
            access_region_code="cn-hangzhou",
            host_region_code="cn-hangzhou",
            host="100.118.28.0/24",
        )
    assert code_of(excinfo) == "route_service_busy"


def test_deleting_a_service_is_deleting_then_gone(host, later):  # noqa: F811
    """DeleteRouteServiceInCen on an Active service: Deleting, then gone; a second delete changes nothing."""
    services.route_service_create(**service(host))
    later()
    delete = {
        "owner": host.owner,
        "cen_instance_id": host.cen_instance_id,
        "access_region_code": "cn-hangzhou",
        "host_region_code": "cn-hangzhou",
        "host": "100.118.28.0/24",
    }
    assert services.route_service_delete(**delete).status == "Deleting"
    later(30)
    assert not RouteService.objects.present().exists()
    assert services.route_service_delete(**delete) is None


def test_detaching_the_host_vpc_removes_its_access(host):
    """PrivateZone and cloud-service access through a VPC go with it when it is detached."""
    services.private_zone_route(**zone(host))
    services.route_service_create(**service(host))
    network_services.network_instance_detach(owner=host.owner, network_id=host.pk)
    assert not PrivateZoneRoute.objects.exists() and not RouteService.objects.exists()
