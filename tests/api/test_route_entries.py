"""The route views: DescribeCenRegionDomainRouteEntries, DescribePublishedRouteEntries,
DescribeCenChildInstanceRouteEntries, and the CEN page's Route Information tab, all derived from the
attached VPCs' CIDR blocks and the region connections."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from cenconsole.networks import services as network_services
from tests.api.conftest import api_call
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def attach(cen_instance, network_id, region, cidr_block):
    return network_services.network_instance_attach(
        owner=cen_instance.owner,
        cen_instance_id=cen_instance.pk,
        region_code=region,
        network_id=network_id,
        cidr_block=cidr_block,
    )


def region_routes(client, cen_instance, region):
    answer = api_call(client, "DescribeCenRegionDomainRouteEntries", CenId=cen_instance.pk, CenRegionId=region)
    assert answer.status == 200, answer.body
    return answer.body["CenRouteEntries"]["CenRouteEntry"]


def test_a_region_domain_learns_every_attached_vpcs_cidr(client, access_key, cen_instance):
    """Hangzhou's region domain holds its own VPC's CIDR and Virginia's, each with its VPC as next hop."""
    attach(cen_instance, "vpc-hz", "cn-hangzhou", "10.1.0.0/16")
    attach(cen_instance, "vpc-va", "us-east-1", "10.2.0.0/16")
    entries = region_routes(client, cen_instance, "cn-hangzhou")
    found = {
        (e["DestinationCidrBlock"], e["NextHopInstanceId"], e["NextHopRegionId"], e["NextHopType"]) for e in entries
    }
    assert found == {("10.1.0.0/16", "vpc-hz", "cn-hangzhou", "VPC"), ("10.2.0.0/16", "vpc-va", "us-east-1", "VPC")}
    assert {e["Status"] for e in entries} == {"Active"}


def test_a_region_without_network_instances_has_no_routes(client, access_key, cen_instance):
    """CenRegionId where the CEN instance has no network instance: an empty list."""
    attach(cen_instance, "vpc-hz", "cn-hangzhou", "10.1.0.0/16")
    assert region_routes(client, cen_instance, "eu-central-1") == []


def test_overlapping_cidrs_conflict_and_the_later_is_rejected(client, access_key, cen_instance):
    """A CIDR that overlaps one attached earlier: Rejected, and its published route lists the conflict."""
    attach(cen_instance, "vpc-first", "cn-hangzhou", "10.1.0.0/16")
    attach(cen_instance, "vpc-second", "us-east-1", "10.1.128.0/17")
    statuses = {e["NextHopInstanceId"]: e["Status"] for e in region_routes(client, cen_instance, "us-east-1")}
    assert statuses == {"vpc-first": "Active", "vpc-second": "Rejected"}
    answer = api_call(
        client,
        "DescribePublishedRouteEntries",
        CenId=cen_instance.pk,
        ChildInstanceId="vpc-second",
        ChildInstanceRegionId="us-east-1",
        ChildInstanceType="VPC",
    )
    (published,) = answer.body["PublishedRouteEntries"]["PublishedRouteEntry"]
    assert published["DestinationCidrBlock"] == "10.1.128.0/17"
    (conflict,) = published["Conflicts"]["Conflict"]
    assert (conflict["InstanceId"], conflict["DestinationCidrBlock"], conflict["RegionId"]) == (
        "vpc-first",
        "10.1.0.0/16",
        "cn-hangzhou",
    )


def test_a_child_instances_table_has_its_own_route_and_the_learned_ones(client, access_key, cen_instance):
    """DescribeCenChildInstanceRouteEntries: the VPC's own CIDR is System, the others' are learned (CEN)."""
    attach(cen_instance, "vpc-hz", "cn-hangzhou", "10.1.0.0/16")
    attach(cen_instance, "vpc-va", "us-east-1", "10.2.0.0/16")
    answer = api_call(
        client,
        "DescribeCenChildInstanceRouteEntries",
        CenId=cen_instance.pk,
        ChildInstanceId="vpc-hz",
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
    )
    types = {e["DestinationCidrBlock"]: e["Type"] for e in answer.body["CenRouteEntries"]["CenRouteEntry"]}
    assert types == {"10.1.0.0/16": "System", "10.2.0.0/16": "CEN"}


def test_route_views_of_a_vpc_not_attached_are_parameter_instance_id(client, access_key, cen_instance):
    """A ChildInstanceId that is not attached: ParameterInstanceId, 400."""
    answer = api_call(
        client,
        "DescribePublishedRouteEntries",
        CenId=cen_instance.pk,
        ChildInstanceId="vpc-nothere",
        ChildInstanceRegionId="cn-hangzhou",
    )
    assert (answer.status, answer.code) == (400, "ParameterInstanceId")


def test_another_accounts_cen_routes_are_refused(client, access_key, other_user):
    """Another account's CEN instance: ParameterCenInstanceId, its routes stay unseen."""
    theirs = CenInstanceFactory(owner=other_user)
    attach(theirs, "vpc-theirs", "cn-hangzhou", "10.9.0.0/16")
    answer = api_call(client, "DescribeCenRegionDomainRouteEntries", CenId=theirs.pk, CenRegionId="cn-hangzhou")
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")


def test_the_route_information_tab_shows_the_routes_and_how_they_are_reached(client_user, cen_instance):
    """Route Information lists each CIDR per region: same region, the region connection's Mbps, or test bandwidth."""
    package = buy_package(cen_instance)
    attach(cen_instance, "vpc-hz", "cn-hangzhou", "10.1.0.0/16")
    attach(cen_instance, "vpc-va", "us-east-1", "10.2.0.0/16")
    attach(cen_instance, "vpc-fra", "eu-central-1", "10.1.5.0/24")
    network_services.region_connection_set(
        owner=cen_instance.owner,
        cen_instance_id=cen_instance.pk,
        package_id=package.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="us-east-1",
        bandwidth=4,
    )
    response = client_user.get(reverse("networks:cen_routes", kwargs={"cen_id": cen_instance.pk}))
    for text in (
        "Route Information",
        "10.2.0.0/16",
        "Same region",
        "Region connection (4 Mbps)",
        "Test bandwidth (1 Kbps)",
    ):
        assertContains(response, text)
    assertContains(response, "Conflicts with vpc-hz (10.1.0.0/16)")


def test_the_route_information_tab_of_another_account_is_not_found(client, other_user, cen_instance):
    """Another account's CEN instance: 404."""
    client.force_login(other_user)
    assert client.get(reverse("networks:cen_routes", kwargs={"cen_id": cen_instance.pk})).status_code == 404
