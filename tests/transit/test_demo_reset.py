"""Reset demo and the sandbox purge remove an account's transit routers with everything else."""

import pytest

from cenconsole.demo import services as demo_services
from cenconsole.transit.models import RouteTableLink, TransitRouter, TransitRouterPeerAttachment
from tests.factories import CenInstanceFactory, buy_package
from tests.transit.objects import transit_objects

pytestmark = pytest.mark.django_db


def test_reset_demo_removes_transit_routers_and_their_connections():
    """A sandbox with routers, a VPC connection and an inter-region connection resets cleanly: none of
    them is left, only the seed's own example (its routers in cn-shanghai and cn-beijing and the inter-region
    connection between them) is made again."""
    sandbox = demo_services.sandbox_create(ip_address=None)
    cen_instance = CenInstanceFactory(owner=sandbox)  # the seeded one has its own router in cn-shanghai
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    transit_objects(owner=sandbox, cen_instance=cen_instance, package=package)
    made = {
        model: set(model.objects.values_list("pk", flat=True))
        for model in (TransitRouter, TransitRouterPeerAttachment, RouteTableLink)
    }
    demo_services.demo_reset(account=sandbox)
    for model, pks in made.items():
        assert not model.objects.filter(pk__in=pks).exists(), model.__name__
    (example,) = TransitRouterPeerAttachment.objects.filter(owner=sandbox)
    assert example.name == "demo-shanghai-beijing"
    assert sorted(TransitRouter.objects.filter(owner=sandbox).values_list("region_id", flat=True)) == [
        "cn-beijing",
        "cn-shanghai",
    ]
