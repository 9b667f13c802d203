"""The tabs and the matrix make the same number of SQL queries for one row as for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.networks import selectors
from tests.factories import CenInstanceFactory, balance_set, buy_package

pytestmark = pytest.mark.django_db

CHINA = ["cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-shenzhen", "cn-hangzhou", "cn-shanghai", "cn-huhehaote"]
NORTH_AMERICA = ["us-west-1", "us-east-1"]


@pytest.fixture
def rich_user(user):
    """Enough credit for several packages."""
    balance_set(user, 1_000_000)
    user.refresh_from_db()
    return user


def count_queries(callable_):
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def build(cen, attach, connect, *, networks, connections):
    """A CEN instance with `networks` VPCs over all Mainland China and North America regions and
    `connections` region connections spread over two packages."""
    cross_border = buy_package(cen, bandwidth=100)
    mainland = buy_package(cen, area_b_code="China", bandwidth=100, cross_border_agreed=False)
    regions = CHINA + NORTH_AMERICA
    for number in range(networks):
        attach(cen, regions[number % len(regions)], name=f"vpc-{number}")
    pairs = [(mainland, a, b) for i, a in enumerate(CHINA) for b in CHINA[i + 1 :]]
    pairs += [(cross_border, a, b) for a in CHINA for b in NORTH_AMERICA]
    for package, local, opposite in pairs[:connections]:
        connect(package, local, opposite, 1)


def page_queries(client, url):
    def fetch():
        assert client.get(url).status_code == 200

    return count_queries(fetch)


@pytest.mark.parametrize(
    "url_name", ["networks:cen_networks", "networks:cen_region_connections", "networks:cen_routes"]
)
def test_tab_query_count_is_constant_in_rows(client, rich_user, attach, connect, url_name):
    """1 network and 1 connection, or 30 networks and 30 connections (so 30 routes learned in every region
    domain): same number of queries."""
    client.force_login(rich_user)
    small, large = CenInstanceFactory(owner=rich_user), CenInstanceFactory(owner=rich_user)
    build(small, attach, connect, networks=1, connections=1)
    build(large, attach, connect, networks=30, connections=30)
    few = page_queries(client, reverse(url_name, kwargs={"cen_id": small.pk}))
    many = page_queries(client, reverse(url_name, kwargs={"cen_id": large.pk}))
    assert few == many


def test_matrix_query_count_is_constant_in_networks_and_connections(rich_user, attach, connect):
    """The matrix reads the count per region, those regions, connections and packages once each, for 2 or
    30 networks."""
    small, large = CenInstanceFactory(owner=rich_user), CenInstanceFactory(owner=rich_user)
    build(small, attach, connect, networks=2, connections=1)
    build(large, attach, connect, networks=30, connections=30)
    few = count_queries(lambda: selectors.connectivity_matrix(owner=rich_user, cen_instance=small))
    many = count_queries(lambda: selectors.connectivity_matrix(owner=rich_user, cen_instance=large))
    assert few == many == 4


def test_set_form_query_count_is_constant_in_packages(client, rich_user, attach, connect):
    """The Set Region Connection page with one package or two: same number of queries."""
    client.force_login(rich_user)
    small, large = CenInstanceFactory(owner=rich_user), CenInstanceFactory(owner=rich_user)
    buy_package(small)
    build(large, attach, connect, networks=5, connections=30)
    few = page_queries(client, reverse("networks:connection_set", kwargs={"cen_id": small.pk}))
    many = page_queries(client, reverse("networks:connection_set", kwargs={"cen_id": large.pk}))
    assert few == many


def test_packages_page_query_count_is_constant_in_packages(client, rich_user):
    """The Bandwidth Packages page for 1 or 15 packages: same number of queries."""
    client.force_login(rich_user)
    url = reverse("bandwidth:package_list")
    buy_package(CenInstanceFactory(owner=rich_user))
    few = page_queries(client, url)
    for _ in range(14):
        buy_package(CenInstanceFactory(owner=rich_user))
    many = page_queries(client, url)
    assert few == many
