"""The route map actions (CreateCenRouteMap, DescribeCenRouteMaps, ModifyCenRouteMap,
DeleteCenRouteMap) through the API: answers with every key of the SDK's response models, statuses on
the clock, conditions echoed as sent, the refusals."""

import pytest

from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def create(client, cen_id, priority="10", **extra):
    settings = {
        "CenRegionId": "cn-hangzhou",
        "TransmitDirection": "RegionIn",
        "MapResult": "Permit",
        "Priority": priority,
        **extra,
    }
    return api_call(client, "CreateCenRouteMap", CenId=cen_id, **settings)


def describe(client, cen_id, **filters):
    return api_call(client, "DescribeCenRouteMaps", CenId=cen_id, **filters)


def test_create_and_describe_as_the_sdk_models_it(client, access_key, cen_instance, later):  # noqa: F811
    """CreateCenRouteMap answers its ID; DescribeCenRouteMaps shows it Creating, then Active, every key typed."""
    created = create(client, cen_instance.pk, Description="first")
    assert created.status == 200, created.body
    assert mismatches(created.body, sample_answer("CreateCenRouteMap")) == []
    listed = describe(client, cen_instance.pk)
    assert mismatches(listed.body, sample_answer("DescribeCenRouteMaps")) == []
    (route_map,) = listed.body["RouteMaps"]["RouteMap"]
    assert (route_map["RouteMapId"], route_map["Status"], route_map["Priority"], route_map["Description"]) == (
        created.body["RouteMapId"],
        "Creating",
        10,
        "first",
    )
    later()
    assert describe(client, cen_instance.pk).body["RouteMaps"]["RouteMap"][0]["Status"] == "Active"


def test_conditions_come_back_as_sent(client, access_key, cen_instance):
    """Each list comes back wrapped in its item's name, in the order sent; modes, flags and Preference as sent."""
    sent = {
        "DestinationCidrBlocks.1": "10.1.0.0/16",
        "DestinationCidrBlocks.2": "10.2.0.0/16",
        "MatchAsns.1": "65501",
        "PrependAsPath.1": "65502",
        "MatchCommunitySet.1": "65501:1",
        "RouteTypes.1": "BGP",
        "SourceRegionIds.1": "cn-beijing",
        "SourceChildInstanceTypes.1": "VBR",
        "CidrMatchMode": "Complete",
        "CommunityOperateMode": "Additive",
        "DestinationInstanceIdsReverseMatch": "true",
        "Preference": "20",
        "NextPriority": "30",
    }
    create(client, cen_instance.pk, **sent)
    (shown,) = describe(client, cen_instance.pk).body["RouteMaps"]["RouteMap"]
    assert shown["DestinationCidrBlocks"] == {"DestinationCidrBlock": ["10.1.0.0/16", "10.2.0.0/16"]}
    assert (shown["MatchAsns"], shown["PrependAsPath"]) == ({"MatchAsn": ["65501"]}, {"AsPath": ["65502"]})
    assert (shown["MatchCommunitySet"], shown["RouteTypes"]) == (
        {"MatchCommunity": ["65501:1"]},
        {"RouteType": ["BGP"]},
    )
    assert shown["SourceRegionIds"] == {"SourceRegionId": ["cn-beijing"]}
    assert (shown["CidrMatchMode"], shown["CommunityOperateMode"], shown["AsPathMatchMode"]) == (
        "Complete",
        "Additive",
        "",
    )
    assert (shown["DestinationInstanceIdsReverseMatch"], shown["SourceInstanceIdsReverseMatch"]) == (True, False)
    assert (shown["Preference"], shown["NextPriority"], shown["TransitRouterRouteTableId"]) == (20, 30, "")


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"TransmitDirection": "Both"}, "InvalidParameter"),
        ({"MapResult": "Allow"}, "InvalidParameter"),
        ({"Priority": "101"}, "InvalidParameter"),
        ({"CidrMatchMode": "Fuzzy"}, "InvalidParameter"),
        ({"MatchCommunitySet.1": "1:99999"}, "InvalidParameter"),
        ({"DestinationCidrBlocks.33": "10.0.0.0/8"}, "InvalidParameter"),
        ({"CenRegionId": "mars-1"}, "ParameterIllegal.RegionId"),
        ({"TransitRouterRouteTableId": "vtb-nothere"}, "InvalidTransitRouterRouteTableId.NotFound"),
    ],
)
def test_values_outside_the_documented_sets_are_refused(client, access_key, cen_instance, extra, code):
    """Directions, results, ranges, modes, communities, list lengths, regions and route tables are checked."""
    answer = create(client, cen_instance.pk, **extra)
    assert (answer.status, answer.code) == (400, code)


def test_a_missing_priority_is_refused(client, access_key, cen_instance):
    """Priority is required: MissingPriority."""
    answer = api_call(
        client,
        "CreateCenRouteMap",
        CenId=cen_instance.pk,
        CenRegionId="cn-hangzhou",
        TransmitDirection="RegionIn",
        MapResult="Permit",
    )
    assert (answer.status, answer.code) == (400, "MissingPriority")


def test_a_taken_priority_is_refused(client, access_key, cen_instance):
    """A second route map with the priority of another in the same region and direction is refused."""
    create(client, cen_instance.pk)
    assert create(client, cen_instance.pk).code == "InvalidOperation.RouteMapPriorityExist"


def test_another_accounts_cen_is_unknown(client, access_key, other_user):
    """A CEN instance that is not the caller's answers ParameterCenInstanceId, for create and describe."""
    from tests.factories import CenInstanceFactory

    theirs = CenInstanceFactory(owner=other_user)
    assert create(client, theirs.pk).code == "ParameterCenInstanceId"
    assert describe(client, theirs.pk).code == "ParameterCenInstanceId"


def test_dry_run_is_not_a_parameter_of_these_actions(client, access_key, cen_instance):
    """The SDK gives CreateCenRouteMap no DryRun: it is refused by name, and nothing is made."""
    answer = create(client, cen_instance.pk, DryRun="true")
    assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert "DryRun" in answer.body["Message"]
    assert describe(client, cen_instance.pk).body["TotalCount"] == 0


def test_modify_takes_the_whole_route_map(client, access_key, cen_instance, later):  # noqa: F811
    """ModifyCenRouteMap: what it sends replaces the route map (conditions not sent are cleared); Modifying,
    then Active."""
    route_map_id = create(client, cen_instance.pk, **{"MatchAsns.1": "65501"}).body["RouteMapId"]
    modify = {"CenId": cen_instance.pk, "RouteMapId": route_map_id, "CenRegionId": "cn-hangzhou", "MapResult": "Deny"}
    assert api_call(client, "ModifyCenRouteMap", Priority="20", **modify).code == "IncorrectStatus.RouteMap"
    later()
    answer = api_call(client, "ModifyCenRouteMap", Priority="20", Description="changed", **modify)
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("ModifyCenRouteMap")) == []
    (shown,) = describe(client, cen_instance.pk, RouteMapId=route_map_id).body["RouteMaps"]["RouteMap"]
    assert (shown["Priority"], shown["MapResult"], shown["Description"], shown["Status"]) == (
        20,
        "Deny",
        "changed",
        "Modifying",
    )
    assert shown["MatchAsns"] == {"MatchAsn": []}


def test_delete_is_deleting_then_gone(client, access_key, cen_instance, later):  # noqa: F811
    """DeleteCenRouteMap of an Active route map: Deleting, then no longer listed."""
    route_map_id = create(client, cen_instance.pk).body["RouteMapId"]
    ids = {"CenId": cen_instance.pk, "RouteMapId": route_map_id, "CenRegionId": "cn-hangzhou"}
    assert api_call(client, "DeleteCenRouteMap", **ids).code == "IncorrectStatus.RouteMap"
    later()
    answer = api_call(client, "DeleteCenRouteMap", **ids)
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("DeleteCenRouteMap")) == []
    assert describe(client, cen_instance.pk).body["RouteMaps"]["RouteMap"][0]["Status"] == "Deleting"
    later(20)
    assert describe(client, cen_instance.pk).body["TotalCount"] == 0
    assert api_call(client, "DeleteCenRouteMap", **ids).code == "InvalidRouteMapId.NotFound"


def test_describe_filters_and_pages(client, access_key, cen_instance):
    """CenRegionId and TransmitDirection filter; PageSize pages with the total."""
    create(client, cen_instance.pk, priority="1")
    create(client, cen_instance.pk, priority="2", TransmitDirection="RegionOut")
    create(client, cen_instance.pk, priority="3", CenRegionId="cn-shanghai")
    assert describe(client, cen_instance.pk, CenRegionId="cn-shanghai").body["TotalCount"] == 1
    assert describe(client, cen_instance.pk, TransmitDirection="RegionOut").body["TotalCount"] == 1
    paged = describe(client, cen_instance.pk, PageSize="2", PageNumber="2").body
    assert (paged["TotalCount"], paged["PageNumber"], paged["PageSize"], len(paged["RouteMaps"]["RouteMap"])) == (
        3,
        2,
        2,
        1,
    )
