"""PrivateZone and cloud-service access through the API: each answer, the Describe views with their
statuses and filters, the refusals, ClientToken."""

import pytest

from cenconsole.networks import services as network_services
from cenconsole.privatezones.models import RouteService
from tests.api.conftest import api_call
from tests.factories import CenInstanceFactory
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hosted(cen_instance):
    """vpc-host attached in cn-hangzhou and vpc-va in us-east-1."""
    for vpc_id, region in (("vpc-host", "cn-hangzhou"), ("vpc-va", "us-east-1")):
        network_services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code=region, network_id=vpc_id
        )
    return cen_instance


def ok(answer) -> dict:
    assert answer.status == 200, answer.body
    return answer.body


def zone(cen_instance, access_region="cn-hangzhou", **extra) -> dict:
    return {
        "CenId": cen_instance.pk,
        "AccessRegionId": access_region,
        "HostRegionId": "cn-hangzhou",
        "HostVpcId": "vpc-host",
        **extra,
    }


def service(cen_instance, *access_regions, **extra) -> dict:
    regions = {f"AccessRegionIds.{n}": region for n, region in enumerate(access_regions or ["cn-hangzhou"], start=1)}
    return {
        "CenId": cen_instance.pk,
        "HostRegionId": "cn-hangzhou",
        "HostVpcId": "vpc-host",
        "Host": "100.118.28.0/24",
        **regions,
        **extra,
    }


def zones(client, cen_instance, **extra) -> dict:
    return ok(api_call(client, "DescribeCenPrivateZoneRoutes", CenId=cen_instance.pk, **extra))


def services_of(client, cen_instance, **extra) -> list[dict]:
    body = ok(api_call(client, "DescribeRouteServicesInCen", CenId=cen_instance.pk, **extra))
    return body["RouteServiceEntries"]["RouteServiceEntry"]


# PrivateZone -------------------------------------------------------------------------------------------


def test_private_zone_access_is_creating_then_active(client, access_key, hosted, later):  # noqa: F811
    """RoutePrivateZoneInCenToVpc answers a RequestId; DescribeCenPrivateZoneRoutes shows it Creating, then Active."""
    assert set(ok(api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted)))) == {"RequestId"}
    body = zones(client, hosted)
    assert (body["CenId"], body["TotalCount"], body["PageNumber"], body["PageSize"]) == (hosted.pk, 1, 1, 10)
    assert body["PrivateZoneDnsServers"]
    assert body["PrivateZoneInfos"]["PrivateZoneInfo"] == [
        {"AccessRegionId": "cn-hangzhou", "HostRegionId": "cn-hangzhou", "HostVpcId": "vpc-host", "Status": "Creating"}
    ]
    later()
    assert zones(client, hosted)["PrivateZoneInfos"]["PrivateZoneInfo"][0]["Status"] == "Active"


def test_private_zone_routes_filter_by_access_and_host_region(client, access_key, hosted):
    """AccessRegionId and HostRegionId narrow the list."""
    ok(api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted)))
    ok(api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted, "us-east-1")))
    infos = zones(client, hosted, AccessRegionId="us-east-1")["PrivateZoneInfos"]["PrivateZoneInfo"]
    assert [info["AccessRegionId"] for info in infos] == ["us-east-1"]
    assert zones(client, hosted, HostRegionId="us-east-1")["TotalCount"] == 0


def test_a_host_vpc_not_attached_is_no_child_instance_either_region(client, access_key, hosted):
    """What Terraform's provider retries on until the VPCs are attached."""
    answer = api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted, HostVpcId="vpc-nothere"))
    assert (answer.status, answer.code) == (400, "InvalidOperation.NoChildInstanceEitherRegion")


def test_a_second_access_for_the_region_is_privatezone_route_existed(client, access_key, hosted):
    """The documented 409 InvalidOperation.PrivatezoneRouteExisted."""
    ok(api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted)))
    answer = api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted))
    assert (answer.status, answer.code) == (409, "InvalidOperation.PrivatezoneRouteExisted")


def test_unrouting_is_deleting_then_gone(client, access_key, hosted, later):  # noqa: F811
    """UnroutePrivateZoneInCenToVpc: refused while Creating (Operation.Blocking); Active: Deleting, then gone."""
    ok(api_call(client, "RoutePrivateZoneInCenToVpc", **zone(hosted)))
    unroute = {"CenId": hosted.pk, "AccessRegionId": "cn-hangzhou"}
    assert api_call(client, "UnroutePrivateZoneInCenToVpc", **unroute).code == "Operation.Blocking"
    later()
    assert set(ok(api_call(client, "UnroutePrivateZoneInCenToVpc", **unroute))) == {"RequestId"}
    assert zones(client, hosted)["PrivateZoneInfos"]["PrivateZoneInfo"][0]["Status"] == "Deleting"
    later(30)
    assert zones(client, hosted)["TotalCount"] == 0


def test_an_unknown_cen_is_parameter_illegal_cen_instance_id_in_the_private_zone_view(client, access_key, other_user):
    """Another account's CEN instance: the code Terraform's provider reads as "gone" there."""
    answer = api_call(client, "DescribeCenPrivateZoneRoutes", CenId=CenInstanceFactory(owner=other_user).pk)
    assert (answer.status, answer.code) == (400, "ParameterIllegal.CenInstanceId")


# Cloud services ----------------------------------------------------------------------------------------


def test_a_cloud_service_is_routed_for_each_access_region(client, access_key, hosted, later):  # noqa: F811
    """ResolveAndRouteServiceInCen with two AccessRegionIds: two entries, Creating then Active, with their CIDR."""
    body = ok(
        api_call(
            client, "ResolveAndRouteServiceInCen", **service(hosted, "cn-hangzhou", "us-east-1", Description="OSS")
        )
    )
    assert set(body) == {"RequestId"}
    entries = services_of(client, hosted)
    assert entries[0] == {
        "AccessRegionId": "cn-hangzhou",
        "CenId": hosted.pk,
        "Cidrs": {"Cidr": ["100.118.28.0/24"]},
        "Description": "OSS",
        "Host": "100.118.28.0/24",
        "HostRegionId": "cn-hangzhou",
        "HostVpcId": "vpc-host",
        "Status": "Creating",
    }
    assert [e["AccessRegionId"] for e in entries] == ["cn-hangzhou", "us-east-1"]
    later()
    assert {e["Status"] for e in services_of(client, hosted)} == {"Active"}


def test_route_services_filter_by_each_parameter(client, access_key, hosted):
    """AccessRegionId, Host, HostRegionId and HostVpcId each narrow the list."""
    ok(api_call(client, "ResolveAndRouteServiceInCen", **service(hosted, "cn-hangzhou", "us-east-1")))
    assert len(services_of(client, hosted, AccessRegionId="us-east-1")) == 1
    assert len(services_of(client, hosted, Host="100.118.28.0/24", HostRegionId="cn-hangzhou")) == 2
    assert services_of(client, hosted, HostVpcId="vpc-va") == []


def test_the_same_client_token_routes_the_service_once(client, access_key, hosted):
    """A retry with the same ClientToken answers again and makes nothing more."""
    for _ in range(2):
        ok(api_call(client, "ResolveAndRouteServiceInCen", **service(hosted, ClientToken="token-1")))
    assert RouteService.objects.count() == 1


def test_route_service_refusals(client, access_key, hosted):
    """A domain name: InvalidParameter; no AccessRegionIds: MissingAccessRegionIds; the same again:
    InvalidOperation.CloudRouteExist; an access region without networks: NoChildInstanceEitherRegion."""
    assert api_call(client, "ResolveAndRouteServiceInCen", **service(hosted, Host="oss.aliyuncs.com")).code == (
        "InvalidParameter"
    )
    no_regions = {k: v for k, v in service(hosted).items() if not k.startswith("AccessRegionIds")}
    assert api_call(client, "ResolveAndRouteServiceInCen", **no_regions).code == "MissingAccessRegionIds"
    ok(api_call(client, "ResolveAndRouteServiceInCen", **service(hosted)))
    assert api_call(client, "ResolveAndRouteServiceInCen", **service(hosted)).code == "InvalidOperation.CloudRouteExist"
    assert api_call(client, "ResolveAndRouteServiceInCen", **service(hosted, "eu-central-1")).code == (
        "InvalidOperation.NoChildInstanceEitherRegion"
    )


def test_deleting_a_service_is_deleting_then_gone(client, access_key, hosted, later):  # noqa: F811
    """DeleteRouteServiceInCen: refused while Creating (InvalidOperation.CloudRouteStatusNotAllow);
    Active: Deleting, then gone; a configuration not found answers as deleted."""
    ok(api_call(client, "ResolveAndRouteServiceInCen", **service(hosted)))
    delete = {
        "CenId": hosted.pk,
        "AccessRegionId": "cn-hangzhou",
        "HostRegionId": "cn-hangzhou",
        "Host": "100.118.28.0/24",
        "HostVpcId": "vpc-host",
    }
    assert api_call(client, "DeleteRouteServiceInCen", **delete).code == "InvalidOperation.CloudRouteStatusNotAllow"
    later()
    assert set(ok(api_call(client, "DeleteRouteServiceInCen", **delete))) == {"RequestId"}
    assert services_of(client, hosted)[0]["Status"] == "Deleting"
    later(30)
    assert services_of(client, hosted) == []
    ok(api_call(client, "DeleteRouteServiceInCen", **delete))
