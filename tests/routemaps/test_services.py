"""Route maps through their services: IDs and statuses on the clock, the documented value sets and
ranges, one priority per region and direction, the transit route table they belong to, modify as a
whole, delete."""

import re

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.routemaps import services
from cenconsole.routemaps.models import RouteMap
from cenconsole.transit import services as transit_services
from tests.transit.test_services import codes

pytestmark = pytest.mark.django_db


def refusal_codes(make, **settings) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        make(**settings)
    return codes(refused.value)


def test_a_new_route_map_is_creating_then_active(route_map, later):
    """A route map has a cenrmap- ID, is Creating for a few seconds of the clock, then Active, and is audited."""
    made = route_map()
    assert re.fullmatch(r"cenrmap-[a-z0-9]{18}", made.pk)
    assert made.status == "Creating"
    later()
    assert RouteMap.objects.get(pk=made.pk).status == "Active"
    assert AuditRecord.objects.filter(action="route_map.created", target_id=made.pk).exists()


def test_conditions_are_stored_as_given(route_map):
    """Every condition and action is kept as the caller wrote it; those not given are empty."""
    made = route_map(
        conditions={
            "DestinationCidrBlocks": ["10.1.0.0/16", "2001:db8::/32"],
            "MatchAsns": ["65501"],
            "MatchCommunitySet": ["65501:1"],
            "CidrMatchMode": "Include",
            "SourceInstanceIdsReverseMatch": True,
            "Preference": 20,
        }
    )
    stored = RouteMap.objects.get(pk=made.pk).conditions
    assert stored["DestinationCidrBlocks"] == ["10.1.0.0/16", "2001:db8::/32"]
    assert (stored["MatchAsns"], stored["MatchCommunitySet"], stored["Preference"]) == (["65501"], ["65501:1"], 20)
    assert (stored["SourceInstanceIdsReverseMatch"], stored["AsPathMatchMode"], stored["RouteTypes"]) == (True, "", [])


@pytest.mark.parametrize(
    "settings",
    [
        {"transmit_direction": "Both"},
        {"map_result": "Allow"},
        {"conditions": {"CidrMatchMode": "Fuzzy"}},
        {"conditions": {"RouteTypes": ["Static"]}},
        {"conditions": {"SourceChildInstanceTypes": ["ECS"]}},
        {"conditions": {"DestinationCidrBlocks": ["10.1.0.0/33"]}},
        {"conditions": {"MatchAsns": ["0"]}},
        {"conditions": {"PrependAsPath": ["4294967296"]}},
        {"conditions": {"OperateCommunitySet": ["65536:1"]}},
        {"conditions": {"SourceInstanceIds": ["vpc a"]}},
        {"conditions": {"DestinationCidrBlocks": [f"10.{n}.0.0/16" for n in range(33)]}},
    ],
)
def test_values_outside_the_documented_sets_are_refused(route_map, settings):
    """Directions, results, modes, route and instance types, CIDR blocks, AS numbers, communities, IDs
    and list lengths outside what the API reference allows are refused (condition_value)."""
    assert refusal_codes(route_map, **settings) == {"condition_value"}


@pytest.mark.parametrize("settings", [{"priority": 0}, {"priority": 101}, {"conditions": {"Preference": 0}}])
def test_priorities_outside_1_to_100_are_refused(route_map, settings):
    """Priority and Preference are whole numbers from 1 to 100."""
    assert refusal_codes(route_map, **settings) == {"priority_range"}


def test_the_next_priority_comes_after_the_priority(route_map):
    """NextPriority must be a larger number than Priority: the next route map is matched later."""
    assert refusal_codes(route_map, priority=20, next_priority=20) == {"next_priority_order"}
    assert route_map(priority=20, next_priority=30).next_priority == 30


def test_an_unknown_source_region_is_refused(route_map):
    """SourceRegionIds and DestinationRegionIds name regions the replica knows."""
    assert refusal_codes(route_map, conditions={"SourceRegionIds": ["mars-1"]}) == {"unknown_region"}


def test_one_priority_per_region_and_direction(route_map):
    """A second route map with the same priority in the same region and direction is refused; another
    direction or region may use it."""
    route_map(priority=5)
    assert refusal_codes(route_map, priority=5) == {"priority_taken"}
    route_map(priority=5, transmit_direction="RegionOut")
    route_map(priority=5, region_code="cn-shanghai")


def test_another_accounts_cen_is_unknown(route_map, other_user):
    """A route map is made only on the account's own CEN instance."""
    assert refusal_codes(route_map, owner=other_user) == {"unknown_cen"}


def test_an_enterprise_route_map_belongs_to_the_routers_default_table(route_map, active_router):
    """With a transit router in the region, a route map given no route table takes the router's default one."""
    router = active_router()
    default = router.route_tables.get(table_type="System")
    assert route_map().transit_router_route_table == default
    assert route_map(priority=11, region_code="cn-shanghai").transit_router_route_table is None


def test_a_named_route_table_must_be_the_owners_in_that_cen_and_region(route_map, active_router):
    """A custom table of the CEN instance's router in the region is taken; an unknown one is refused as
    unknown; one of another region is refused."""
    router = active_router()
    table = transit_services.route_table_create(owner=router.owner, transit_router_id=router.pk)
    assert route_map(route_table_id=table.pk).transit_router_route_table == table
    assert refusal_codes(route_map, priority=12, route_table_id="vtb-nothere") == {"unknown_route_table"}
    assert refusal_codes(route_map, priority=13, region_code="cn-shanghai", route_table_id=table.pk) == {
        "route_table_elsewhere"
    }


def test_modify_replaces_the_whole_route_map_and_is_modifying(route_map, later):
    """ModifyCenRouteMap takes the route map whole: conditions not given are cleared; it is Modifying, then Active."""
    made = route_map(conditions={"MatchAsns": ["65501"], "CidrMatchMode": "Complete"})
    later()
    services.route_map_modify(
        owner=made.owner,
        cen_instance_id=made.cen_instance_id,
        route_map_id=made.pk,
        region_code="cn-hangzhou",
        priority=30,
        map_result="Deny",
        description="changed",
        conditions={"RouteTypes": ["BGP"]},
    )
    changed = RouteMap.objects.get(pk=made.pk)
    assert (changed.priority, changed.map_result, changed.description) == (30, "Deny", "changed")
    assert (changed.conditions["MatchAsns"], changed.conditions["CidrMatchMode"]) == ([], "")
    assert changed.conditions["RouteTypes"] == ["BGP"]
    assert changed.status == "Modifying"
    later(20)
    assert RouteMap.objects.get(pk=made.pk).status == "Active"


def test_changes_to_a_creating_route_map_are_refused(route_map):
    """Modify and Delete of a route map that is not Active answer route_map_not_active."""
    made = route_map()
    ids = {"owner": made.owner, "cen_instance_id": made.cen_instance_id, "route_map_id": made.pk}
    assert refusal_codes(services.route_map_delete, **ids) == {"route_map_not_active"}
    assert refusal_codes(
        services.route_map_modify, **ids, region_code="cn-hangzhou", priority=10, map_result="Permit"
    ) == {"route_map_not_active"}


def test_a_deleted_route_map_is_deleting_then_gone(route_map, later):
    """Delete: Deleting for a few seconds, then gone from the account's route maps; its priority is free."""
    made = route_map()
    later()
    services.route_map_delete(
        owner=made.owner, cen_instance_id=made.cen_instance_id, route_map_id=made.pk, region_code="cn-hangzhou"
    )
    assert RouteMap.objects.get(pk=made.pk).status == "Deleting"
    route_map()  # the same priority again
    later(20)
    assert not RouteMap.objects.present().filter(pk=made.pk).exists()


def test_a_route_map_of_another_region_is_unknown(route_map, later):
    """Delete names the route map's region: another region's CenRegionId does not find it."""
    made = route_map()
    later()
    with pytest.raises(ValidationError) as refused:
        services.route_map_delete(
            owner=made.owner, cen_instance_id=made.cen_instance_id, route_map_id=made.pk, region_code="cn-beijing"
        )
    assert codes(refused.value) == {"unknown_route_map"}
