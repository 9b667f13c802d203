"""UpdateTransitRouterRouteTable, UpdateTransitRouterRouteEntry and ReplaceTransitRouterRouteTableAssociation
as requests: the answer (every key of the SDK's model), what changed, DryRun, and each refusal with the
code Alibaba Cloud's reference documents."""

import pytest

from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def router(cen_instance, later):  # noqa: F811
    """An Active router with an Attached VPC connection (associated with the default route table) and an
    Active custom route table: router.system, router.custom, router.connection."""
    owner = cen_instance.owner
    made = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    later()
    made.connection = transit_services.vpc_attachment_create(
        owner=owner, transit_router_id=made.pk, vpc_id="vpc-rtactions01", zone_mappings=ZONES[:1]
    ).pk
    made.custom = transit_services.route_table_create(owner=owner, transit_router_id=made.pk, name="custom").pk
    later(20)
    made.system = made.route_tables.get(table_type="System").pk
    return made


def listed_table(client, table_id) -> dict:
    (table,) = api_call(client, "ListTransitRouterRouteTables", **{"TransitRouterRouteTableIds.1": table_id}).body[
        "TransitRouterRouteTables"
    ]
    return table


def associated(client, table_id) -> list[str]:
    answer = api_call(client, "ListTransitRouterRouteTableAssociations", TransitRouterRouteTableId=table_id)
    return [each["TransitRouterAttachmentId"] for each in answer.body["TransitRouterAssociations"]]


def static_route(client, router) -> str:
    return api_call(
        client,
        "CreateTransitRouterRouteEntry",
        TransitRouterRouteTableId=router.custom,
        TransitRouterRouteEntryDestinationCidrBlock="10.8.0.0/16",
        TransitRouterRouteEntryNextHopType="BlackHole",
    ).body["TransitRouterRouteEntryId"]


# UpdateTransitRouterRouteTable -------------------------------------------------------------------


def test_update_route_table_renames_it(client, access_key, router):
    """The answer has every key of the SDK's model; the table lists with its new name and description."""
    answer = api_call(
        client,
        "UpdateTransitRouterRouteTable",
        TransitRouterRouteTableId=router.custom,
        TransitRouterRouteTableName="blue",
        TransitRouterRouteTableDescription="the blue one",
        ClientToken="rename-1",
        **{"RouteTableOptions.MultiRegionECMP": "disable"},
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("UpdateTransitRouterRouteTable")) == []
    table = listed_table(client, router.custom)
    assert (table["TransitRouterRouteTableName"], table["TransitRouterRouteTableDescription"]) == (
        "blue",
        "the blue one",
    )


def test_update_route_table_dry_run_changes_nothing(client, access_key, router):
    """DryRun=true answers DryRunOperation and the name stays."""
    answer = api_call(
        client,
        "UpdateTransitRouterRouteTable",
        TransitRouterRouteTableId=router.custom,
        TransitRouterRouteTableName="blue",
        DryRun="true",
    )
    assert answer.code == "DryRunOperation"
    assert listed_table(client, router.custom)["TransitRouterRouteTableName"] == "custom"


def test_update_unknown_route_table_refused(client, access_key, router):
    """A route table that is not the caller's: InvalidTransitRouterRouteTableId.NotFound (documented)."""
    answer = api_call(client, "UpdateTransitRouterRouteTable", TransitRouterRouteTableId="vtb-00000000000000000000")
    assert (answer.status, answer.code) == (400, "InvalidTransitRouterRouteTableId.NotFound")


def test_update_creating_route_table_refused(client, access_key, router):
    """A route table still Creating: IncorrectStatus.TransitRouterRouteTable."""
    table_id = api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=router.pk).body[
        "TransitRouterRouteTableId"
    ]
    answer = api_call(
        client, "UpdateTransitRouterRouteTable", TransitRouterRouteTableId=table_id, TransitRouterRouteTableName="x"
    )
    assert (answer.status, answer.code) == (400, "IncorrectStatus.TransitRouterRouteTable")


def test_update_route_table_refuses_an_invalid_name(client, access_key, router):
    """A name starting with http://: InvalidName (documented)."""
    answer = api_call(
        client,
        "UpdateTransitRouterRouteTable",
        TransitRouterRouteTableId=router.custom,
        TransitRouterRouteTableName="http://blue",
    )
    assert (answer.status, answer.code) == (400, "InvalidName")


def test_update_route_table_refuses_multi_region_ecmp(client, access_key, router):
    """The replica's route tables have no multi-region ECMP: enable is refused by name."""
    answer = api_call(
        client,
        "UpdateTransitRouterRouteTable",
        TransitRouterRouteTableId=router.custom,
        **{"RouteTableOptions.MultiRegionECMP": "enable"},
    )
    assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert "RouteTableOptions.MultiRegionECMP" in answer.body["Message"]


# UpdateTransitRouterRouteEntry -------------------------------------------------------------------


def test_update_route_entry_renames_it(client, access_key, router):
    """The answer has every key of the SDK's model; the route lists with its new name and description."""
    entry_id = static_route(client, router)
    answer = api_call(
        client,
        "UpdateTransitRouterRouteEntry",
        TransitRouterRouteEntryId=entry_id,
        TransitRouterRouteEntryName="drop",
        TransitRouterRouteEntryDescription="to nowhere",
        ClientToken="rename-2",
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("UpdateTransitRouterRouteEntry")) == []
    (entry,) = api_call(
        client,
        "ListTransitRouterRouteEntries",
        TransitRouterRouteTableId=router.custom,
        **{"TransitRouterRouteEntryIds.1": entry_id},
    ).body["TransitRouterRouteEntries"]
    assert (entry["TransitRouterRouteEntryName"], entry["TransitRouterRouteEntryDescription"]) == (
        "drop",
        "to nowhere",
    )


def test_update_route_entry_dry_run_changes_nothing(client, access_key, router):
    """DryRun=true answers DryRunOperation and the route keeps its name."""
    entry_id = static_route(client, router)
    dry = api_call(
        client,
        "UpdateTransitRouterRouteEntry",
        TransitRouterRouteEntryId=entry_id,
        TransitRouterRouteEntryName="y",
        DryRun="true",
    )
    assert dry.code == "DryRunOperation"
    routes = api_call(client, "ListTransitRouterRouteEntries", TransitRouterRouteTableId=router.custom).body
    assert [each["TransitRouterRouteEntryName"] for each in routes["TransitRouterRouteEntries"]] == [""]


def test_update_learned_route_refused(client, access_key, router):
    """A route learned from a connection is the system's: OperationFailed.UpdateTransitRouterRouteEntry (documented)."""
    (learned,) = api_call(client, "ListTransitRouterRouteEntries", TransitRouterRouteTableId=router.system).body[
        "TransitRouterRouteEntries"
    ]
    answer = api_call(
        client,
        "UpdateTransitRouterRouteEntry",
        TransitRouterRouteEntryId=learned["TransitRouterRouteEntryId"],
        TransitRouterRouteEntryName="x",
    )
    assert (answer.status, answer.code) == (400, "OperationFailed.UpdateTransitRouterRouteEntry")


def test_update_unknown_route_entry_refused(client, access_key, router):
    """A route entry that is not the caller's: IllegalParam.TransitRouterRouteEntryId (documented)."""
    answer = api_call(
        client,
        "UpdateTransitRouterRouteEntry",
        TransitRouterRouteEntryId="rte-00000000000000000000",
        TransitRouterRouteEntryName="x",
    )
    assert (answer.status, answer.code) == (400, "IllegalParam.TransitRouterRouteEntryId")


# ReplaceTransitRouterRouteTableAssociation -------------------------------------------------------


def test_replace_moves_the_association(client, access_key, router):
    """The answer has every key of the SDK's model; the connection is associated with the new table only."""
    answer = api_call(
        client,
        "ReplaceTransitRouterRouteTableAssociation",
        TransitRouterAttachmentId=router.connection,
        TransitRouterRouteTableId=router.custom,
        ClientToken="replace-1",
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("ReplaceTransitRouterRouteTableAssociation")) == []
    assert (associated(client, router.custom), associated(client, router.system)) == ([router.connection], [])


def test_replace_dry_run_moves_nothing(client, access_key, router):
    """DryRun=true answers DryRunOperation and the association stays where it was."""
    answer = api_call(
        client,
        "ReplaceTransitRouterRouteTableAssociation",
        TransitRouterAttachmentId=router.connection,
        TransitRouterRouteTableId=router.custom,
        DryRun="true",
    )
    assert answer.code == "DryRunOperation"
    assert associated(client, router.system) == [router.connection]


def test_replace_onto_an_unknown_route_table_refused(client, access_key, router):
    """A route table that is not the caller's: InvalidTransitRouterRouteTableId.NotFound."""
    answer = api_call(
        client,
        "ReplaceTransitRouterRouteTableAssociation",
        TransitRouterAttachmentId=router.connection,
        TransitRouterRouteTableId="vtb-00000000000000000000",
    )
    assert (answer.status, answer.code) == (400, "InvalidTransitRouterRouteTableId.NotFound")


def test_replace_of_an_unknown_connection_refused(client, access_key, router):
    """A connection that is not the router's: InvalidTransitRouterAttachmentId.NotFound."""
    answer = api_call(
        client,
        "ReplaceTransitRouterRouteTableAssociation",
        TransitRouterAttachmentId="tr-attach-00000000000000000000",
        TransitRouterRouteTableId=router.custom,
    )
    assert (answer.status, answer.code) == (400, "InvalidTransitRouterAttachmentId.NotFound")


def test_replace_of_an_unassociated_connection_refused(client, access_key, router):
    """A connection associated with no table of its router: InvalidOperation.AssociationNotExist."""
    api_call(
        client,
        "DissociateTransitRouterAttachmentFromRouteTable",
        TransitRouterAttachmentId=router.connection,
        TransitRouterRouteTableId=router.system,
    )
    answer = api_call(
        client,
        "ReplaceTransitRouterRouteTableAssociation",
        TransitRouterAttachmentId=router.connection,
        TransitRouterRouteTableId=router.custom,
    )
    assert (answer.status, answer.code) == (400, "InvalidOperation.AssociationNotExist")


# ListTransitRouterRouteEntries' lists as JSON arrays ---------------------------------------------------


def test_route_entry_ids_and_names_as_json_arrays_filter_the_list(client, access_key, router):
    """TransitRouterRouteEntryIds and TransitRouterRouteEntryNames may each come as one JSON array (what
    Terraform's data source sends) and filter as their .N forms do."""
    entry_id = static_route(client, router)
    listed = lambda **filters: api_call(  # noqa: E731
        client, "ListTransitRouterRouteEntries", TransitRouterRouteTableId=router.custom, **filters
    ).body["TransitRouterRouteEntries"]
    assert [each["TransitRouterRouteEntryId"] for each in listed(TransitRouterRouteEntryIds=f'["{entry_id}"]')] == [
        entry_id
    ]
    assert listed(TransitRouterRouteEntryIds=f'["{entry_id}_fake"]') == []
    assert listed(TransitRouterRouteEntryNames='["no-such-name"]') == []


def test_route_entry_ids_not_a_json_array_refused(client, access_key, router):
    """A bare TransitRouterRouteEntryIds that is not a JSON array of strings: InvalidParameter, naming it."""
    answer = api_call(
        client,
        "ListTransitRouterRouteEntries",
        TransitRouterRouteTableId=router.custom,
        TransitRouterRouteEntryIds="rte-1",
    )
    assert (answer.status, answer.body["Code"]) == (400, "InvalidParameter")
    assert "TransitRouterRouteEntryIds" in answer.body["Message"]
