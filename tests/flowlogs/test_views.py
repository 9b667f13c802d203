"""A transit router's Flow Logs tab: the list, Create Flow Log, Modify, Start, Stop and Delete without
JavaScript, each through the flow log services, refusals on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.flowlogs.models import FlowLog
from cenconsole.transit import services as transit_services
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

FORM = {"project_name": "flowlog-project", "log_store_name": "flowlog_store", "interval": "600"}


def tab_url(router):
    return reverse("flowlogs:router_flow_logs", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk})


def create_url(router):
    return reverse("flowlogs:flow_log_create", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk})


def url(name, router, flow_log):
    kwargs = {"cen_id": router.cen_instance_id, "router_id": router.pk, "flow_log_id": flow_log.pk}
    return reverse(f"flowlogs:{name}", kwargs=kwargs)


def vbr_connection(router):
    return transit_services.product_attachment_create(
        owner=router.owner, kind="VBR", resource_id="vbr-flowview0001", transit_router_id=router.pk
    )


def test_the_tab_lists_flow_logs_with_status_and_create_flow_log(client_user, active_router, flow_log):
    """The tab shows each flow log's ID, name, project and Logstore, Creating, and Create Flow Log."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk, name="web-logs")
    page = client_user.get(tab_url(router)).content.decode()
    assert "Create Flow Log" in page and made.pk in page and "web-logs" in page
    assert "flowlog-project" in page and "flowlog_store" in page and "Creating" in page
    assert "Available once Active or Inactive" in page


def test_the_tab_is_one_of_the_router_page_tabs(client_user, active_router):
    """The router page's tabs include Flow Logs, selected on its own page, after Route Table."""
    router = active_router()
    page = client_user.get(tab_url(router)).content.decode()
    assert 'aria-selected="true">Flow Logs</a>' in page
    assert page.index(">Route Table</a>") < page.index(">Flow Logs</a>")


def test_the_tab_shows_the_connection_a_flow_log_captures(client_user, active_router, flow_log):
    """A flow log of a VBR connection says VBR and the connection's ID in the Instance column."""
    router = active_router()
    attachment = vbr_connection(router)
    flow_log(transit_router_id=router.pk, attachment_id=attachment.pk)
    page = client_user.get(tab_url(router)).content.decode()
    assert f'VBR<div><span class="resource-id">{attachment.pk}</span>' in page


def test_the_tab_queries_do_not_grow_with_flow_logs(client_user, active_router, flow_log, later):
    """The Flow Logs tab runs the same number of queries for one flow log as for six."""
    router = active_router()
    attachment = vbr_connection(router)
    flow_log(transit_router_id=router.pk)
    client_user.get(tab_url(router))
    with CaptureQueriesContext(connection) as one:
        client_user.get(tab_url(router))
    for number in range(5):
        flow_log(transit_router_id=router.pk, attachment_id=attachment.pk if number % 2 else "", name=f"log-{number}")
    later()
    with CaptureQueriesContext(connection) as six:
        client_user.get(tab_url(router))
    assert len(six) == len(one)


def test_create_flow_log_offers_the_routers_connections(client_user, active_router):
    """Create Flow Log shows the region and router, and offers its VBR connection and the whole router."""
    router = active_router()
    attachment = vbr_connection(router)
    page = client_user.get(create_url(router)).content.decode()
    assert router.pk in page and "Transit Router ID" in page
    assert '<optgroup label="VBR">' in page and attachment.pk in page
    assert 'value="transit-router"' in page


def test_create_flow_log_posts_through_the_service_and_redirects(client_user, active_router):
    """OK makes the flow log of the chosen connection, Creating, and returns to the tab."""
    router = active_router()
    attachment = vbr_connection(router)
    form = {**FORM, "name": "日志", "instance": attachment.pk, "interval": "60"}
    response = client_user.post(create_url(router), form, follow=True)
    made = FlowLog.objects.get()
    assert (made.transit_router, made.attachment_id, made.interval, made.name) == (router, attachment.pk, 60, "日志")
    assert "is being created" in response.content.decode()


def test_create_flow_log_of_the_whole_router(client_user, active_router):
    """The Instance choice Transit router makes a flow log of the router with no connection."""
    router = active_router()
    client_user.post(create_url(router), {**FORM, "instance": "transit-router"})
    made = FlowLog.objects.get()
    assert (made.transit_router, made.attachment_id) == (router, "")


def test_a_bad_project_name_is_shown_beside_project_and_nothing_is_made(client_user, active_router):
    """The service's refusal of an SLS project name is an error on the Project field; nothing made."""
    router = active_router()
    response = client_user.post(create_url(router), {**FORM, "instance": "transit-router", "project_name": "Bad_Name"})
    assert response.status_code == 200
    assert 'href="#id_project_name"' in response.content.decode()
    assert not FlowLog.objects.exists()


def test_modify_changes_name_description_and_interval(client_user, active_router, flow_log, later):
    """Modify shows the flow log's values and saves a new name, description and interval."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk, name="old-name")
    later()
    assert "old-name" in client_user.get(url("flow_log_modify", router, made)).content.decode()
    form = {"name": "new-name", "description": "说明", "interval": "60"}
    response = client_user.post(url("flow_log_modify", router, made), form, follow=True)
    made.refresh_from_db()
    assert (made.name, made.description, made.interval) == ("new-name", "说明", 60)
    assert "is modified" in response.content.decode()


def test_modify_of_a_creating_flow_log_is_refused_on_the_page(client_user, active_router, flow_log):
    """Modify while Creating shows the service's refusal and changes nothing."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk, name="old-name")
    response = client_user.post(url("flow_log_modify", router, made), {"name": "new-name", "interval": "600"})
    assert "Wait until it is Active or Inactive" in response.content.decode()
    made.refresh_from_db()
    assert made.name == "old-name"


def test_stop_then_start_turn_the_flow_log_off_and_on(client_user, active_router, flow_log, later):
    """Stop confirms, then the flow log is Modifying, then Inactive; Start turns it on again."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk)
    later()
    assert "Are you sure you want to stop" in client_user.get(url("flow_log_stop", router, made)).content.decode()
    response = client_user.post(url("flow_log_stop", router, made), follow=True)
    assert "is being stopped" in response.content.decode() and "Modifying" in response.content.decode()
    later(20)
    assert FlowLog.objects.get(pk=made.pk).status == "Inactive"
    client_user.post(url("flow_log_start", router, made))
    later(30)
    assert FlowLog.objects.get(pk=made.pk).status == "Active"


def test_start_of_an_active_flow_log_is_refused_on_the_page(client_user, active_router, flow_log, later):
    """Start of an Active flow log shows the service's refusal on the confirm page."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk)
    later()
    response = client_user.post(url("flow_log_start", router, made))
    assert response.status_code == 200 and "only an Inactive flow log can be turned on" in response.content.decode()


def test_delete_confirms_then_the_flow_log_is_deleting(client_user, active_router, flow_log, later):
    """Delete shows a confirm page; OK makes the flow log Deleting."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk)
    later()
    assert "Are you sure" in client_user.get(url("flow_log_delete", router, made)).content.decode()
    response = client_user.post(url("flow_log_delete", router, made), follow=True)
    made.refresh_from_db()
    assert made.deleted_at is not None
    assert "Deleting" in response.content.decode()


def test_another_accounts_flow_log_is_not_found(client_user, active_router, flow_log, other_user, later):
    """Another account's flow log (on its own router) is 404 through this account's router page."""
    router = active_router()
    theirs_instance = CenInstanceFactory(owner=other_user)
    theirs_router = active_router(instance=theirs_instance)
    theirs = flow_log(transit_router_id=router.pk)
    theirs.owner = other_user
    theirs.cen_instance, theirs.transit_router = theirs_instance, theirs_router
    theirs.save()
    later()
    assert client_user.get(url("flow_log_modify", router, theirs)).status_code == 404
    assert client_user.get(url("flow_log_delete", theirs_router, theirs)).status_code == 404
    assert client_user.get(tab_url(theirs_router)).status_code == 404


def test_the_tab_with_htmx_swaps_only_the_tab_body(client_user, active_router):
    """An htmx GET (a click on the tab) answers the tab body, not the whole page."""
    router = active_router()
    page = client_user.get(tab_url(router), headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="router-tab">') and "Create Flow Log" in page and "<html" not in page
