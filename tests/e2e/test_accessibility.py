"""WCAG 2.1 AA: axe-core's A/AA rules find nothing on any console page, signed in or not, nor on the
ticket pages staff use (the desk, and the admin's). The signed-in walk visits every URL the security walk knows
(tests/security/test_url_access.py), with one real object of each kind."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from cenconsole.networks import services as network_services
from cenconsole.tickets.models import SavedReply
from cenconsole.workshops import services as workshop_services
from tests.factories import (
    PASSWORD,
    CenInstanceFactory,
    UserFactory,
    buy_package,
    facilitator,
    support_staff,
    trainee_join,
    workshop_new,
)
from tests.security.test_url_access import ALL_URLS, fill, make_owner_objects

# bypass_csp: axe is added as a script of the test's own; the pages' policy allows only 'self'.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser_context_args(bypass_csp=True)]

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# URLs that answer a piece of a page for htmx to swap in, not a page (the page holding it is walked).
FRAGMENTS = {"buy_cen_options"}


def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each (axe added to the page
    unless the context adds it to every page, as walk() does). Only violations are gathered: the passes
    and the incomplete ones axe would also list are most of its work, and nothing reads them."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        f"{page.url} {violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']][:5]}"
        for violation in result["violations"]
    ]


def walk(page, urls):
    """Every URL's page that answers a GET with a page, with its violations. axe is added to each page as
    it loads (an init script of the context), not sent over afterwards: a walk of two hundred pages."""
    page.context.add_init_script(path=str(AXE))
    violations, visited = [], 0
    for url in urls:
        probe = page.request.get(url, max_redirects=0)
        if probe.status in (403, 405):  # POST-only URLs, and the demo's pages for an ordinary account
            continue
        if "text/html" not in probe.headers.get("content-type", ""):  # a download (Export CSV) is no page
            continue
        response = page.goto(url)
        assert response.ok, f"{url}: {response.status}"
        visited += 1
        violations += axe_violations(page)
    return violations, visited


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_signed_in_console_page_passes_axe(live_server, page, sign_in, language):
    """Every console URL of the security walk, signed in as the owner of its objects, in English and
    in 简体中文: no violations."""
    owner = UserFactory()
    objects = make_owner_objects(owner)
    sign_in(owner)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    urls = [
        live_server.url + fill(route, arguments, objects)
        for route, name, arguments in ALL_URLS
        if name not in FRAGMENTS
    ]
    violations, visited = walk(page, urls)
    assert visited >= 20
    assert not violations, "\n".join(violations)


def test_anonymous_pages_pass_axe(live_server, page):
    """Sign in and Sign up (where every console URL sends an anonymous visitor): no violations."""
    violations, visited = walk(page, [f"{live_server.url}/accounts/login/", f"{live_server.url}/accounts/signup/"])
    assert visited == 2
    assert not violations, "\n".join(violations)


def test_workshop_join_page_and_ended_board_pass_axe(live_server, page, sign_in):
    """A workshop's join link (anonymous, open and ended) and its board once ended: no violations."""
    owner = facilitator()
    workshop = workshop_new(owner)
    trainee_join(workshop)
    join_url = f"{live_server.url}/w/{workshop.code}/"
    violations, visited = walk(page, [join_url])
    workshop_services.workshop_end(workshop=workshop)
    more, more_visited = walk(page, [join_url])
    sign_in(owner)
    board, board_visited = walk(page, [f"{live_server.url}/workshops/{workshop.pk}/"])
    assert visited + more_visited + board_visited == 3
    violations += more + board
    assert not violations, "\n".join(violations)


def test_unbind_dialog_matrix_and_form_errors_pass_axe(live_server, page, sign_in):
    """The open Unbind dialog, the connectivity matrix and a purchase form showing errors: no violations."""
    owner = UserFactory()
    objects = make_owner_objects(owner)
    for region in ("cn-hangzhou", "us-east-1", "eu-central-1"):
        network_services.network_instance_attach(owner=owner, cen_instance_id=objects["cen_id"], region_code=region)
    sign_in(owner)
    page.goto(f"{live_server.url}/cen/instances/{objects['cen_id']}/networks/")
    expect(page.locator("#connectivity-matrix")).to_contain_text("Test bandwidth (1 Kbps)")
    violations = axe_violations(page)
    page.goto(f"{live_server.url}/cen/instances/{objects['cen_id']}/bandwidth-packages/")
    page.get_by_text("More", exact=True).click()  # Unbind is under the row's More menu
    page.get_by_role("link", name="Unbind").click()
    expect(page.get_by_role("dialog", name="Unbind Bandwidth Package")).to_be_visible()
    violations += axe_violations(page)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/")
    page.get_by_label("Bandwidth", exact=True).fill("1")
    page.get_by_role("button", name="Buy Now").click()
    expect(page.locator("#id_terms_agreed_error")).to_be_visible()  # Buy Now's answer, not only the live update's
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    violations += axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_create_cen_dialog_and_refused_renew_pass_axe(live_server, page, sign_in, language):
    """The open Create CEN Instance dialog, with a refused tag and Add Tag's second row, and a Renew page
    refused for a short balance: no violations, in both languages."""
    owner = UserFactory()
    package = buy_package(CenInstanceFactory(owner=owner), area_a_code="China", area_b_code="China", bandwidth=2)
    sign_in(owner)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/cen/instances/")
    page.locator("a[data-dialog-form]").click()
    dialog = page.locator("dialog[open]")
    dialog.locator("#id_tag_key_0").fill("acs:x")
    dialog.locator("button[name=add_tag]").click()
    expect(dialog.locator("#id_tag_key_1")).to_be_focused()
    dialog.locator(".dialog-actions .btn-primary").click()
    expect(dialog.locator(".error-summary")).to_be_visible()
    violations = axe_violations(page)
    type(owner).objects.filter(pk=owner.pk).update(balance=0)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/{package.pk}/renew/")
    page.locator("#id_terms_agreed").check()
    page.locator("#renew-form button.btn-primary").click()
    expect(page.locator(".error-summary")).to_be_visible()
    violations += axe_violations(page)
    assert not violations, "\n".join(violations)


def test_admin_ticket_pages_pass_axe(live_server, page):
    """The staff's ticket pages at the desk and in the admin: the queue, a ticket's page with a saved reply
    inserted, an outcome's confirmation, the page asking for the note of Reject selected tickets, and the
    saved reply form. No violations."""
    objects = make_owner_objects()
    staff = support_staff()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    urls = [
        f"{live_server.url}/admin/",
        f"{live_server.url}/desk/",
        f"{live_server.url}/desk/tickets/{objects['ticket_id']}/",
    ]
    urls.append(f"{live_server.url}/admin/tickets/savedreply/add/")
    violations, visited = walk(page, urls)
    assert visited == 4
    # The outcome's confirmation page, and a saved reply inserted into the reply box.
    SavedReply.objects.create(name="Thanks", text="Thanks, {user}.")
    page.goto(urls[2])
    page.get_by_label("Saved reply").select_option(label="Thanks")
    page.get_by_role("button", name="Insert").click()
    violations += axe_violations(page)
    page.get_by_label("Staff note").fill("Not now")
    page.get_by_role("button", name="Reject", exact=True).click()
    expect(page.get_by_role("button", name="Yes, reject")).to_be_visible()
    violations += axe_violations(page)
    page.goto(urls[1])
    page.locator("input.action-select").first.check()
    page.get_by_label("Action:").select_option(label="Reject selected tickets")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_role("button", name="Reject selected tickets")).to_be_visible()
    violations += axe_violations(page)
    assert not violations, "\n".join(violations)
