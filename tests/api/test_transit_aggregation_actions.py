"""Create/Describe/DescribeDetail/Modify/Refresh/DeleteTransitRouteTableAggregation as requests: the
answer (every key of the SDK's model), what changed, DryRun, ClientToken, each refusal with its code."""

import json

import pytest

from cenconsole.addressing.models import TransitRouteTableAggregation
from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

CIDR = "10.0.0.0/8"


@pytest.fixture
def table(cen_instance, later):  # noqa: F811
    """The default route table of an Active router with an Attached VPC connection (vpc-aggactions1)."""
    owner = cen_instance.owner
    router = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    later()
    transit_services.vpc_attachment_create(
        owner=owner, transit_router_id=router.pk, vpc_id="vpc-aggactions1", zone_mappings=ZONES[:1]
    )
    later(20)
    return router.route_tables.get(table_type="System").pk


def create(client, table, **extra):
    parameters = {
        "TransitRouteTableId": table,
        "TransitRouteTableAggregationCidr": CIDR,
        "TransitRouteTableAggregationScopeList": json.dumps(["VPC"]),
        **extra,
    }
    return api_call(client, "CreateTransitRouteTableAggregation", **parameters)


def describe(client, table, **extra) -> dict:
    return api_call(client, "DescribeTransitRouteTableAggregation", TransitRouteTableId=table, **extra).body


def test_create_answers_and_the_route_describes(client, access_key, table):
    """The answers have the models' keys; the route is Configuring with its name, scope list and type."""
    answer = create(
        client,
        table,
        TransitRouteTableAggregationName="all",
        TransitRouteTableAggregationDescription="one",
        ClientToken="t",
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("CreateTransitRouteTableAggregation")) == []
    body = describe(client, table)
    assert mismatches(body, sample_answer("DescribeTransitRouteTableAggregation")) == []
    assert body["Data"] == [
        {
            "Description": "one",
            "Name": "all",
            "RouteType": "Static",
            "Scope": "",
            "ScopeList": ["VPC"],
            "Status": "Configuring",
            "TrRouteTableId": table,
            "TransitRouteTableAggregationCidr": CIDR,
        }
    ]
    assert (body["Count"], body["Total"], body["NextToken"]) == (1, 1, "")


def test_create_with_the_same_client_token_makes_one_route(client, access_key, table):
    """A retry with the same ClientToken answers as the first did."""
    assert create(client, table, ClientToken="tok").status == 200
    assert create(client, table, ClientToken="tok").status == 200
    assert TransitRouteTableAggregation.objects.count() == 1


def test_create_dry_run_makes_nothing(client, access_key, table):
    """DryRun=true: DryRunOperation, no route."""
    assert create(client, table, DryRun="true").code == "DryRunOperation"
    assert not TransitRouteTableAggregation.objects.exists()


def test_create_refusals_have_their_codes(client, access_key, table):
    """Unsupported block, bad scopes, unknown table and a second route to the block, each with its code."""
    assert create(client, table, TransitRouteTableAggregationCidr="100.64.0.0/16").code == (
        "IllegalParam.TransitRouteTableAggregationCidr"
    )
    assert create(client, table, TransitRouteTableAggregationScopeList="VPC").code == "InvalidParameter"
    assert create(client, table, TransitRouteTableAggregationScope="VPC").code == (
        "IllegalParam.TransitRouteTableAggregationScope"
    )
    assert create(client, "vtb-nosuchtable000000").code == "InstanceNotExist.TransitRouterRouteTable"
    create(client, table)
    assert create(client, table).code == "InstanceExist.AggregationRoute"


def test_detail_lists_the_vpcs_it_is_advertised_to(client, access_key, table, later):  # noqa: F811
    """DescribeTransitRouteTableAggregationDetail: the model's keys; the associated VPC, Configured once done."""
    create(client, table)
    later(60)
    answer = api_call(
        client,
        "DescribeTransitRouteTableAggregationDetail",
        TransitRouteTableId=table,
        TransitRouteTableAggregationCidr=CIDR,
    )
    assert mismatches(answer.body, sample_answer("DescribeTransitRouteTableAggregationDetail")) == []
    assert answer.body["Data"] == [{"Description": "", "InstanceId": "vpc-aggactions1", "Status": "Configured"}]


def test_modify_refresh_and_their_refusals(client, access_key, table, later):  # noqa: F811
    """Modify while Configuring is refused; once configured it changes the route; Refresh configures again."""
    create(client, table)
    modify = {"TransitRouteTableId": table, "TransitRouteTableAggregationCidr": CIDR}
    assert api_call(
        client, "ModifyTransitRouteTableAggregation", **modify, TransitRouteTableAggregationName="x"
    ).code == ("IncorrectStatus.AggregationRoute")
    later(60)
    dry = api_call(
        client, "ModifyTransitRouteTableAggregation", **modify, TransitRouteTableAggregationName="x", DryRun="true"
    )
    assert dry.code == "DryRunOperation"
    answer = api_call(
        client,
        "ModifyTransitRouteTableAggregation",
        **modify,
        TransitRouteTableAggregationName="renamed",
        TransitRouteTableAggregationScope="VPC",
        TransitRouteTableAggregationScopeList="[]",
    )
    assert mismatches(answer.body, sample_answer("ModifyTransitRouteTableAggregation")) == []
    (row,) = describe(client, table)["Data"]
    assert (row["Name"], row["Scope"], row["ScopeList"], row["Status"]) == ("renamed", "VPC", [], "Configuring")
    later(120)
    refreshed = api_call(client, "RefreshTransitRouteTableAggregation", **modify)
    assert mismatches(refreshed.body, sample_answer("RefreshTransitRouteTableAggregation")) == []
    assert describe(client, table)["Data"][0]["Status"] == "Configuring"


def test_delete_is_deleting_then_gone(client, access_key, table, later):  # noqa: F811
    """DeleteTransitRouteTableAggregation: Deleting, then gone; a second delete is InstanceNotExist."""
    create(client, table)
    key = {"TransitRouteTableId": table, "TransitRouteTableAggregationCidr": CIDR}
    assert api_call(client, "DeleteTransitRouteTableAggregation", **key, DryRun="true").code == "DryRunOperation"
    answer = api_call(client, "DeleteTransitRouteTableAggregation", **key)
    assert mismatches(answer.body, sample_answer("DeleteTransitRouteTableAggregation")) == []
    assert describe(client, table)["Data"][0]["Status"] == "Deleting"
    later(60)
    assert describe(client, table)["Data"] == []
    assert api_call(client, "DeleteTransitRouteTableAggregation", **key).code == "InstanceNotExist.AggregationRoute"
