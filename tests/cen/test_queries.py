import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db

INSTANCES_URL = "/cen/instances/"


def queries_for(client, url, params=None, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params, **headers)
    assert response.status_code == 200
    return len(captured)


def test_instances_page_queries_do_not_grow_with_rows(client_user, user):
    """The Instances page makes as many SQL queries for 50 instances (some with packages) as for 1."""
    buy_package(CenInstanceFactory(owner=user), area_a_code="China", area_b_code="China", bandwidth=2)
    one = queries_for(client_user, INSTANCES_URL)
    for instance in CenInstanceFactory.create_batch(49, owner=user)[:10]:
        buy_package(instance, area_a_code="China", area_b_code="China", bandwidth=2)
    assert queries_for(client_user, INSTANCES_URL) == one


def test_instances_search_queries_do_not_grow_with_rows(client_user, user):
    """An htmx search matching 50 instances makes as many queries as one matching 1."""
    CenInstanceFactory(owner=user, name="match-0")
    one = queries_for(client_user, INSTANCES_URL, {"q": "match"}, HTTP_HX_REQUEST="true")
    CenInstanceFactory.create_batch(49, owner=user, name="match-n")
    assert queries_for(client_user, INSTANCES_URL, {"q": "match"}, HTTP_HX_REQUEST="true") == one
