"""The Transit Router tab makes the same number of SQL queries for one router as for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.transit import services
from tests.factories import CenInstanceFactory, balance_set, buy_package

from .conftest import ZONES

pytestmark = pytest.mark.django_db

REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen"]


def tab_queries(client, cen_instance):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/cen/instances/{cen_instance.pk}/transit-routers/").status_code == 200
    return len(captured)


def routers(cen_instance, count, later):
    """`count` Active routers in Mainland China, the first with a VPC connection, each joined to the
    first by an inter-region connection of the CEN instance's China <-> China package."""
    made = [
        services.transit_router_create(owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code=region)
        for region in REGIONS[:count]
    ]
    later()
    vpc_id = f"vpc-{cen_instance.pk[-6:]}"
    services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=made[0].pk, vpc_id=vpc_id, zone_mappings=ZONES
    )
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=20)
    for peer in made[1:]:
        services.peer_attachment_create(
            owner=cen_instance.owner,
            transit_router_id=made[0].pk,
            peer_transit_router_id=peer.pk,
            package_id=package.pk,
            bandwidth=2,
        )
    later()


def test_transit_tab_query_count_is_constant_in_routers(client_user, user, later):
    """2 routers with 1 inter-region connection, or 4 with 3: same number of queries."""
    balance_set(user, 100_000)
    small, large = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    routers(small, 2, later)
    routers(large, 4, later)
    assert tab_queries(client_user, small) == tab_queries(client_user, large)


def product_connections(cen_instance, count, later):
    """`count` Active routers, each with a VBR, a VPN and an ECR connection."""
    owner = cen_instance.owner
    made = [
        services.transit_router_create(owner=owner, cen_instance_id=cen_instance.pk, region_code=region)
        for region in REGIONS[:count]
    ]
    later()
    suffix = cen_instance.pk[-6:]
    for number, router in enumerate(made):
        for kind, prefix in (("VBR", "vbr"), ("VPN", "vco"), ("ECR", "ecr")):
            services.product_attachment_create(
                owner=owner, kind=kind, resource_id=f"{prefix}-{suffix}{number}", transit_router_id=router.pk
            )
    later()


def test_transit_tab_query_count_is_constant_in_vbr_vpn_and_ecr_connections(client_user, user, later):
    """1 router with 3 VBR/VPN/ECR connections, or 4 with 12: same number of queries."""
    small, large = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    product_connections(small, 1, later)
    product_connections(large, 4, later)
    assert tab_queries(client_user, small) == tab_queries(client_user, large)
