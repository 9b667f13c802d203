"""The Describe actions make the same number of queries for one row as for many."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.networks import services as network_services
from tests.api.conftest import common_parameters, sdk_sign
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db


def buy_unbound(owner, count, bandwidth=2):
    """count packages of Mainland China <-> Mainland China, bought unbound as the API buys them."""
    packages = []
    for _ in range(count):
        order = bandwidth_services.order_create_purchase(
            terms_agreed=True,
            owner=owner,
            idempotency_key=uuid.uuid4().hex,
            cen_instance_id=None,
            area_a_code="China",
            area_b_code="China",
            bandwidth=bandwidth,
            duration_months=1,
        )
        packages.append(bandwidth_services.order_pay(owner=owner, order_id=order.pk).package)
    return packages


def queries_for(client, action, **parameters):
    with CaptureQueriesContext(connection) as captured:
        response = client.post("/", sdk_sign("POST", common_parameters(action, PageSize="50", **parameters)))
    assert response.status_code == 200, response.content
    return len(captured)


def test_describe_packages_queries_do_not_grow_with_packages(client, access_key, user):
    """DescribeCenBandwidthPackages: 1 package or 20, the same number of queries."""
    buy_unbound(user, 1)
    one = queries_for(client, "DescribeCenBandwidthPackages")
    buy_unbound(user, 19)
    assert queries_for(client, "DescribeCenBandwidthPackages") == one


def test_describe_cens_queries_do_not_grow_with_instances_or_packages(client, access_key, user):
    """DescribeCens: 1 instance or 20, each with a package, the same number of queries."""

    def add_instances(count):
        for package in buy_unbound(user, count):
            cen_instance = CenInstanceFactory(owner=user)
            bandwidth_services.package_bind(owner=user, cen_instance_id=cen_instance.pk, package_id=package.pk)

    add_instances(1)
    one = queries_for(client, "DescribeCens")
    add_instances(19)
    assert queries_for(client, "DescribeCens") == one


def test_describe_limits_queries_do_not_grow_with_connections(client, access_key, user):
    """DescribeCenInterRegionBandwidthLimits: 1 connection or 6, the same number of queries."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_unbound(user, 1, bandwidth=10)[0]
    bandwidth_services.package_bind(owner=user, cen_instance_id=cen_instance.pk, package_id=package.pk)
    regions = ["cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-shenzhen"]
    pairs = [(a, b) for index, a in enumerate(regions) for b in regions[index + 1 :]]
    for count, (local, opposite) in enumerate(pairs, start=1):
        network_services.region_connection_set_by_regions(
            owner=user,
            cen_instance_id=cen_instance.pk,
            local_region_code=local,
            opposite_region_code=opposite,
            bandwidth=1,
        )
        if count == 1:
            one = queries_for(client, "DescribeCenInterRegionBandwidthLimits")
    assert queries_for(client, "DescribeCenInterRegionBandwidthLimits") == one
