"""DeleteCen as the reference documents it: asynchronous (DescribeCens shows the instance Deleting,
then it is gone), refused while a transit router of the instance has a connection of any kind
(InvalidOperation.CenInstanceStatus) or a custom route table
(OperationFailed.DeleteCenWithCustomRouteTable); bare transit routers go with the instance."""

import pytest

from cenconsole.transit.models import TransitRouter
from tests.api.conftest import api_call
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def ok(answer):
    assert answer.status == 200, answer.body
    return answer.body


def described(client, cen_id) -> list[dict]:
    return ok(api_call(client, "DescribeCens", **{"Filter.1.Key": "CenId", "Filter.1.Value.1": cen_id}))["Cens"]["Cen"]


@pytest.fixture
def router(client, access_key, cen_instance, later):  # noqa: F811
    router_id = ok(api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou"))[
        "TransitRouterId"
    ]
    later()
    return router_id


def test_a_deleted_cen_is_deleting_then_gone(client, access_key, cen_instance, later):  # noqa: F811
    """DeleteCen answers at once; DescribeCens shows the instance Deleting, then no more."""
    ok(api_call(client, "DeleteCen", CenId=cen_instance.pk))
    assert [each["Status"] for each in described(client, cen_instance.pk)] == ["Deleting"]
    later()
    assert described(client, cen_instance.pk) == []


def test_a_cen_being_deleted_takes_no_other_operation(client, access_key, cen_instance):
    """While Deleting, the instance is only queried: ModifyCenAttribute finds no such instance."""
    ok(api_call(client, "DeleteCen", CenId=cen_instance.pk))
    answer = api_call(client, "ModifyCenAttribute", CenId=cen_instance.pk, Name="renamed")
    assert answer.status == 400


def test_a_cen_with_bare_routers_is_deleted_with_them(client, cen_instance, router):
    """A router with no connection and no custom route table goes with its instance: marked Deleting
    with it, and listed no more (the transit lists show the routers of instances not being deleted)."""
    ok(api_call(client, "DeleteCen", CenId=cen_instance.pk))
    assert TransitRouter.objects.get(pk=router).status == "Deleting"
    assert ok(api_call(client, "ListTransitRouters", TransitRouterId=router))["TransitRouters"] == []


def test_a_cen_whose_router_has_a_connection_is_refused(client, cen_instance, router):
    """A VBR connection on a router of the instance: InvalidOperation.CenInstanceStatus, naming it."""
    attachment = ok(api_call(client, "CreateTransitRouterVbrAttachment", TransitRouterId=router, VbrId="vbr-del0001"))
    answer = api_call(client, "DeleteCen", CenId=cen_instance.pk)
    assert (answer.status, answer.code) == (400, "InvalidOperation.CenInstanceStatus")
    assert attachment["TransitRouterAttachmentId"] in answer.body["Message"]
    assert [each["Status"] for each in described(client, cen_instance.pk)] == ["Active"]


def test_a_cen_whose_router_has_a_custom_route_table_is_refused(client, cen_instance, router):
    """A custom route table on a router of the instance: OperationFailed.DeleteCenWithCustomRouteTable."""
    ok(api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=router))
    answer = api_call(client, "DeleteCen", CenId=cen_instance.pk)
    assert (answer.status, answer.code) == (400, "OperationFailed.DeleteCenWithCustomRouteTable")
    assert ok(api_call(client, "ListTransitRouters", TransitRouterId=router))["TransitRouters"][0]["Status"] == "Active"
