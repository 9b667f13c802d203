"""Create/Delete/ListTransitRouterPrefixListAssociation as requests: the answer (every key of the SDK's
model), what changed, DryRun, ClientToken, each refusal with its code, the list's filters and paging."""

import pytest

from cenconsole.accounts.uids import account_uid
from cenconsole.addressing.models import PrefixListAssociation
from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def router(cen_instance, later):  # noqa: F811
    """An Active router with an Attached VPC connection: router.system (its default table), router.connection."""
    owner = cen_instance.owner
    made = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    later()
    made.connection = transit_services.vpc_attachment_create(
        owner=owner, transit_router_id=made.pk, vpc_id="vpc-plactions01", zone_mappings=ZONES[:1]
    ).pk
    later(20)
    made.system = made.route_tables.get(table_type="System").pk
    return made


def key(router, next_hop="BlackHole", prefix_list="pl-actions0001") -> dict:
    return {
        "PrefixListId": prefix_list,
        "TransitRouterId": router.pk,
        "TransitRouterTableId": router.system,
        "NextHop": next_hop,
    }


def create(client, router, **extra):
    return api_call(client, "CreateTransitRouterPrefixListAssociation", **{**key(router), **extra})


def listed(client, router, **filters) -> dict:
    return api_call(client, "ListTransitRouterPrefixListAssociation", TransitRouterId=router.pk, **filters).body


def test_create_answers_and_the_association_lists_updating(client, access_key, router, user):
    """The answer is the model's; the association lists with every key of the list's model, Updating."""
    answer = create(client, router, NextHopType="BlackHole", OwnerUid=str(account_uid(user.pk)), ClientToken="t")
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("CreateTransitRouterPrefixListAssociation")) == []
    body = listed(client, router)
    assert mismatches(body, sample_answer("ListTransitRouterPrefixListAssociation")) == []
    assert body["PrefixLists"] == [
        {
            "NextHop": "BlackHole",
            "NextHopInstanceId": "",
            "NextHopType": "BlackHole",
            "OwnerUid": account_uid(user.pk),
            "PrefixListId": "pl-actions0001",
            "Status": "Updating",
            "TransitRouterId": router.pk,
            "TransitRouterTableId": router.system,
        }
    ]


def test_create_with_the_same_client_token_makes_one_association(client, access_key, router):
    """A retry with the same ClientToken answers as the first did, and makes nothing more."""
    assert create(client, router, ClientToken="tok").status == 200
    assert create(client, router, ClientToken="tok").status == 200
    assert PrefixListAssociation.objects.count() == 1


def test_create_dry_run_makes_nothing(client, access_key, router):
    """DryRun=true: DryRunOperation, no association."""
    assert create(client, router, DryRun="true").code == "DryRunOperation"
    assert not PrefixListAssociation.objects.exists()


def test_create_refusals_have_their_codes(client, access_key, router):
    """Next hop, type, table, prefix list and duplicate refusals, each with its code."""
    assert create(client, router, NextHop="tr-attach-nosuchone00000").code == "IllegalParam.NextHop"
    assert create(client, router, NextHop=router.connection, NextHopType="TR").code == "IllegalParam.NextHopType"
    assert create(client, router, NextHopType="Bogus").code == "InvalidParameter"
    assert create(client, router, PrefixListId="bad").code == "IllegalParam.PrefixListId"
    assert create(client, router, OwnerUid="999999").code == "InvalidParameter"
    create(client, router)
    assert create(client, router).code == "InstanceExist.PrefixListAssociation"


def test_list_filters_by_next_hop_type_and_status(client, access_key, router, later):  # noqa: F811
    """NextHopType and Status narrow the list; a VPC next hop names its VPC."""
    create(client, router)
    create(client, router, NextHop=router.connection)
    vpc = listed(client, router, NextHopType="VPC")["PrefixLists"]
    assert [(each["NextHop"], each["NextHopInstanceId"]) for each in vpc] == [(router.connection, "vpc-plactions01")]
    assert listed(client, router, Status="Active")["TotalCount"] == 0
    later(60)
    assert listed(client, router, Status="Active")["TotalCount"] == 2


def test_list_pages(client, access_key, router):
    """PageNumber and PageSize (up to 100) page the list."""
    create(client, router)
    create(client, router, PrefixListId="pl-actions0002")
    body = listed(client, router, PageSize="1", PageNumber="2")
    assert (body["TotalCount"], body["PageNumber"], body["PageSize"]) == (2, 2, 1)
    assert [each["PrefixListId"] for each in body["PrefixLists"]] == ["pl-actions0002"]
    assert listed(client, router, PageSize="101").get("Code") == "InvalidParameter"


def test_delete_removes_an_active_association(client, access_key, router, later):  # noqa: F811
    """DeleteTransitRouterPrefixListAssociation: the model's answer; the association is gone."""
    create(client, router)
    later(60)
    answer = api_call(
        client, "DeleteTransitRouterPrefixListAssociation", **key(router), NextHopType="BlackHole", ClientToken="t"
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("DeleteTransitRouterPrefixListAssociation")) == []
    assert listed(client, router)["PrefixLists"] == []


def test_delete_refusals_have_their_codes(client, access_key, router):
    """Still Updating: InvalidStatus.PrefixlistAssociation; unknown: InstanceNotExist; DryRun keeps it."""
    assert api_call(client, "DeleteTransitRouterPrefixListAssociation", **key(router)).code == (
        "InstanceNotExist.PrefixListAssociation"
    )
    create(client, router)
    assert api_call(client, "DeleteTransitRouterPrefixListAssociation", **key(router)).code == (
        "InvalidStatus.PrefixlistAssociation"
    )
    dry = api_call(client, "DeleteTransitRouterPrefixListAssociation", **key(router), DryRun="true")
    assert dry.code == "InvalidStatus.PrefixlistAssociation"
    assert PrefixListAssociation.objects.count() == 1
