"""ClientToken on a create: the same token asking the same answers the first resource's ID and makes no
second; the same token asking something else is refused IdempotentParameterMismatch, as the real API
does, and makes nothing."""

import pytest

from cenconsole.accounts.models import LedgerEntry
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.transit.models import (
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
)
from tests.api.conftest import api_call
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def test_a_retry_asking_the_same_answers_the_same_cen(client, access_key):
    """CreateCen twice with one token and the same parameters: one instance, the same CenId."""
    first = api_call(client, "CreateCen", Name="net", ClientToken="token-1")
    again = api_call(client, "CreateCen", Name="net", ClientToken="token-1")
    assert again.body["CenId"] == first.body["CenId"]
    assert CenInstance.objects.count() == 1


def test_the_same_token_asking_something_else_is_refused_and_makes_nothing(client, access_key):
    """CreateCen with the first token and another Name: IdempotentParameterMismatch, no second instance."""
    api_call(client, "CreateCen", Name="net", ClientToken="token-1")
    refused = api_call(client, "CreateCen", Name="other", ClientToken="token-1")
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert CenInstance.objects.count() == 1


def test_a_retry_signed_anew_is_still_the_same_request(client, access_key):
    """Each call is signed anew (its own SignatureNonce and Timestamp): those do not count as asking
    something else."""
    first = api_call(client, "CreateCen", Name="net", ClientToken="token-1", SignatureNonce="nonce-first")
    again = api_call(client, "CreateCen", Name="net", ClientToken="token-1", SignatureNonce="nonce-again")
    assert again.status == 200 and again.body["CenId"] == first.body["CenId"]


def test_a_transit_router_retry_with_other_parameters_is_refused(client, access_key, cen_instance):
    """CreateTransitRouter: the same token for another region is a mismatch, and no second router is made."""
    api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou", ClientToken="tr-1")
    refused = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="us-east-1", ClientToken="tr-1")
    assert refused.code == "IdempotentParameterMismatch"
    assert TransitRouter.objects.count() == 1


@pytest.fixture
def routers(client, access_key, cen_instance, later):  # noqa: F811
    """Two Active routers of cen_instance: (cn-hangzhou, us-east-1)."""
    made = tuple(
        api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId=region).body["TransitRouterId"]
        for region in ("cn-hangzhou", "us-east-1")
    )
    later()
    return made


def create_peer_attachment(client, routers, package, **extra):
    return api_call(
        client,
        "CreateTransitRouterPeerAttachment",
        TransitRouterId=routers[0],
        PeerTransitRouterId=routers[1],
        CenBandwidthPackageId=package.pk,
        **extra,
    )


def test_a_peer_attachment_retry_asking_the_same_answers_the_same_connection(client, routers, package):
    """CreateTransitRouterPeerAttachment twice with one token and the same parameters: one connection."""
    first = create_peer_attachment(client, routers, package, Bandwidth="2", ClientToken="peer-1")
    again = create_peer_attachment(client, routers, package, Bandwidth="2", ClientToken="peer-1")
    assert again.status == 200, again.body
    assert again.body["TransitRouterAttachmentId"] == first.body["TransitRouterAttachmentId"]
    assert TransitRouterPeerAttachment.objects.count() == 1


def test_a_peer_attachment_retry_with_other_parameters_is_refused(client, routers, package):
    """CreateTransitRouterPeerAttachment: the same token for another bandwidth is a mismatch; one connection."""
    create_peer_attachment(client, routers, package, Bandwidth="2", ClientToken="peer-1")
    refused = create_peer_attachment(client, routers, package, Bandwidth="3", ClientToken="peer-1")
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert TransitRouterPeerAttachment.objects.count() == 1


def custom_tables():
    return TransitRouterRouteTable.objects.filter(table_type="Custom")


def test_a_route_table_retry_asking_the_same_answers_the_same_table(client, routers):
    """CreateTransitRouterRouteTable twice with one token and the same parameters: one custom table."""
    first = api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=routers[0], ClientToken="rt-1")
    again = api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=routers[0], ClientToken="rt-1")
    assert again.status == 200, again.body
    assert again.body["TransitRouterRouteTableId"] == first.body["TransitRouterRouteTableId"]
    assert custom_tables().count() == 1


def test_a_route_table_retry_with_other_parameters_is_refused(client, routers):
    """CreateTransitRouterRouteTable: the same token with another name is a mismatch; one custom table."""
    api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=routers[0], ClientToken="rt-1")
    refused = api_call(
        client,
        "CreateTransitRouterRouteTable",
        TransitRouterId=routers[0],
        TransitRouterRouteTableName="other",
        ClientToken="rt-1",
    )
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert custom_tables().count() == 1


def create_blackhole_route(client, table_id, destination, **extra):
    return api_call(
        client,
        "CreateTransitRouterRouteEntry",
        TransitRouterRouteTableId=table_id,
        TransitRouterRouteEntryDestinationCidrBlock=destination,
        TransitRouterRouteEntryNextHopType="BlackHole",
        **extra,
    )


@pytest.fixture
def custom_table(client, routers, later):  # noqa: F811
    """An Active custom route table of the cn-hangzhou router."""
    table_id = api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=routers[0]).body[
        "TransitRouterRouteTableId"
    ]
    later()
    return table_id


def test_a_route_entry_retry_asking_the_same_answers_the_same_route(client, custom_table):
    """CreateTransitRouterRouteEntry twice with one token and the same parameters: one route."""
    first = create_blackhole_route(client, custom_table, "10.8.0.0/16", ClientToken="route-1")
    again = create_blackhole_route(client, custom_table, "10.8.0.0/16", ClientToken="route-1")
    assert again.status == 200, again.body
    assert again.body["TransitRouterRouteEntryId"] == first.body["TransitRouterRouteEntryId"]
    assert TransitRouterRouteEntry.objects.count() == 1


def test_a_route_entry_retry_with_other_parameters_is_refused(client, custom_table):
    """CreateTransitRouterRouteEntry: the same token for another destination is a mismatch; one route."""
    create_blackhole_route(client, custom_table, "10.8.0.0/16", ClientToken="route-1")
    refused = create_blackhole_route(client, custom_table, "10.9.0.0/16", ClientToken="route-1")
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert TransitRouterRouteEntry.objects.count() == 1


def buy_package_by_api(client, **extra):
    return api_call(
        client,
        "CreateCenBandwidthPackage",
        GeographicRegionAId="China",
        GeographicRegionBId="North-America",
        **extra,
    )


def test_a_package_retry_asking_the_same_answers_the_same_package_and_charges_once(client, access_key, user):
    """CreateCenBandwidthPackage twice with one token and the same parameters: one order, one package, one charge."""
    first = buy_package_by_api(client, Bandwidth="2", ClientToken="bwp-1")
    again = buy_package_by_api(client, Bandwidth="2", ClientToken="bwp-1")
    assert again.status == 200, again.body
    assert again.body == {**first.body, "RequestId": again.body["RequestId"]}
    assert (Order.objects.count(), BandwidthPackage.objects.count()) == (1, 1)
    assert LedgerEntry.objects.filter(account=user, kind=LedgerEntry.Kind.CHARGE).count() == 1


def test_a_package_retry_with_other_parameters_is_refused_and_charges_nothing(client, access_key, user):
    """CreateCenBandwidthPackage: the same token for another bandwidth is IdempotentParameterMismatch, with
    the API's message; no second order, no second package, no second charge."""
    buy_package_by_api(client, Bandwidth="2", ClientToken="bwp-1")
    user.refresh_from_db()
    balance = user.balance
    refused = buy_package_by_api(client, Bandwidth="5", ClientToken="bwp-1")
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert refused.body["Message"] == "The request uses the same client token as a previous, but non-identical request."
    assert (Order.objects.count(), BandwidthPackage.objects.count()) == (1, 1)
    user.refresh_from_db()
    assert user.balance == balance
