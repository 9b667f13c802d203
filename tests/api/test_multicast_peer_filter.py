"""ListTransitRouterMulticastGroups filtered by PeerTransitRouterMulticastDomains: as the V3 SDK sends the
list (PeerTransitRouterMulticastDomains.N, the SDK's model: a list of strings) and as Terraform's
_domain_peer_members data source sends it (the list under PeerTransitRouterMulticastDomains.1, flattened
to .1.1, .1.2, ...)."""

import pytest
from alibabacloud_cbn20170912 import models

from tests.api.conftest import api_call
from tests.transit.conftest import later  # noqa: F401 (the fixture)

GROUP = "239.0.0.9"


def ok(answer):
    assert answer.status == 200, answer.body
    return answer.body


@pytest.fixture
def peers(client, access_key, cen_instance, package, later):  # noqa: F811
    """A cn-hangzhou domain whose group has two us-east-1 domains as members (over an inter-region
    connection): (the domain, [the two peer domains])."""
    routers = [
        ok(api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId=region, SupportMulticast="true"))[
            "TransitRouterId"
        ]
        for region in ("cn-hangzhou", "us-east-1")
    ]
    later()
    ok(
        api_call(
            client,
            "CreateTransitRouterPeerAttachment",
            TransitRouterId=routers[0],
            PeerTransitRouterId=routers[1],
            CenBandwidthPackageId=package.pk,
            Bandwidth="2",
        )
    )
    domains = [
        ok(api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router))[
            "TransitRouterMulticastDomainId"
        ]
        for router in (routers[0], routers[1], routers[1])
    ]
    later(60)
    ok(
        api_call(
            client,
            "RegisterTransitRouterMulticastGroupMembers",
            TransitRouterMulticastDomainId=domains[0],
            GroupIpAddress=GROUP,
            **{"PeerTransitRouterMulticastDomains.1": domains[1], "PeerTransitRouterMulticastDomains.2": domains[2]},
        )
    )
    later()
    return domains[0], domains[1:]


@pytest.mark.django_db(transaction=True)
def test_v3_sdk_lists_the_members_of_the_peer_domains_asked(sdk_v3, peers):
    """The V3 SDK's peer_transit_router_multicast_domains=[one]: that domain's row only; both: both rows."""
    domain, (first, second) = peers

    def peer_rows(wanted: list[str]) -> list[str]:
        answer = sdk_v3.call(
            "list_transit_router_multicast_groups",
            models.ListTransitRouterMulticastGroupsRequest(
                transit_router_multicast_domain_id=domain, peer_transit_router_multicast_domains=wanted
            ),
        )
        return sorted(row["PeerTransitRouterMulticastDomainId"] for row in answer["TransitRouterMulticastGroups"])

    assert peer_rows([first]) == [first]
    assert peer_rows([first, second]) == sorted([first, second])


@pytest.mark.django_db
def test_the_list_nested_under_n_1_filters_as_the_flat_list_does(client, peers):
    """PeerTransitRouterMulticastDomains.1.1 (Terraform's flattening of a list put under .1) reads as .1."""
    domain, (first, _second) = peers
    answer = ok(
        api_call(
            client,
            "ListTransitRouterMulticastGroups",
            TransitRouterMulticastDomainId=domain,
            **{"PeerTransitRouterMulticastDomains.1.1": first},
        )
    )
    assert [row["PeerTransitRouterMulticastDomainId"] for row in answer["TransitRouterMulticastGroups"]] == [first]


@pytest.mark.django_db
def test_more_than_twenty_peer_domains_refused(client, peers):
    """At most 20 peer domains in all (flat and nested together): InvalidParameter naming the parameter."""
    domain, _ = peers
    many = {f"PeerTransitRouterMulticastDomains.{n}": f"tr-mcast-domain-{n}" for n in range(1, 16)}
    many |= {f"PeerTransitRouterMulticastDomains.1.{n}": f"tr-mcast-domain-x{n}" for n in range(1, 7)}
    answer = api_call(client, "ListTransitRouterMulticastGroups", TransitRouterMulticastDomainId=domain, **many)
    assert (answer.status, answer.body["Code"]) == (400, "InvalidParameter")
    assert "PeerTransitRouterMulticastDomains" in answer.body["Message"]
