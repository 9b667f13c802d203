"""Create CEN Instance as the real console's dialog, with tags: opened from the Instances page, refused
inside the dialog, created with its tags in one step, read back through the V3 SDK; its tag removed
(Edit Tags) and the instance deleted through the console. Without JavaScript, the page does the same."""

import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from cenconsole.api import services as api_services
from cenconsole.cen.models import CenInstance
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, sdk_v3_client
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sdk_for(user, live_server):
    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    return sdk_v3_client(urllib.parse.urlsplit(live_server.url).netloc)


def sdk_tags(sdk, cen_id):
    from alibabacloud_cbn20170912 import models

    answer = sdk.call("list_tag_resources", models.ListTagResourcesRequest(resource_type="Cen", resource_id=[cen_id]))
    return {item["TagKey"]: item["TagValue"] for item in answer["TagResources"]["TagResource"]}


def sdk_cen_statuses(sdk):
    """{CenId: Status} as DescribeCens answers (a deleted instance is Deleting for a few seconds)."""
    from alibabacloud_cbn20170912 import models

    answer = sdk.call("describe_cens", models.DescribeCensRequest())
    return {cen["CenId"]: cen["Status"] for cen in answer["Cens"]["Cen"]}


def test_create_cen_instance_dialog_with_tags(page, live_server, sign_in, user):
    """The button opens a focused dialog (Esc closes it, focus back on the button); a reserved tag key is
    refused inside it; Add Tag adds a row; OK creates the instance with both tags (the SDK reads them);
    Edit Tags removes one and Delete removes the instance, as the SDK then says."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(user)
    page.goto(f"{live_server.url}/cen/instances/")
    button = page.get_by_role("link", name="Create CEN Instance")
    button.click()
    dialog = page.get_by_role("dialog", name="Create CEN Instance")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Name")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()

    button.click()
    dialog.get_by_label("Name").fill("tagged-cen")
    dialog.get_by_label("Tag key").fill("acs:env")
    dialog.get_by_role("button", name="OK", exact=True).click()
    expect(dialog.get_by_role("alert")).to_contain_text("Tag key “acs:env” is not valid")
    expect(dialog.get_by_role("alert")).to_be_focused()
    assert page.url.endswith("/cen/instances/") and not CenInstance.objects.exists()

    dialog.get_by_label("Tag key").fill("env")
    dialog.get_by_label("Tag value").fill("prod")
    dialog.get_by_role("button", name="Add Tag").click()
    expect(dialog.get_by_label("Tag key").nth(1)).to_be_focused()
    page.keyboard.type("team")
    dialog.get_by_label("Tag value").nth(1).fill("network")
    dialog.get_by_role("button", name="OK", exact=True).click()
    expect(page.get_by_text(re.compile(r"CEN instance cen-\w+ was created\."))).to_be_visible()
    instance = CenInstance.objects.get(owner=user)
    expect(page.get_by_role("row", name=instance.pk)).to_contain_text("tagged-cen")

    sdk = sdk_for(user, live_server)
    assert sdk_tags(sdk, instance.pk) == {"env": "prod", "team": "network"}

    page.goto(f"{live_server.url}/tags/cen/{instance.pk}/")
    page.get_by_role("row", name=re.compile("team")).get_by_role("button", name="Remove").click()
    expect(page.get_by_text("Tag team was removed.")).to_be_visible()
    assert sdk_tags(sdk, instance.pk) == {"env": "prod"}

    page.goto(f"{live_server.url}/cen/instances/")
    page.get_by_role("row", name=instance.pk).get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.get_by_text(f"CEN instance {instance.pk} is being deleted.")).to_be_visible()
    assert sdk_cen_statuses(sdk).get(instance.pk, "gone") in ("Deleting", "gone")
    assert errors == [], errors


def test_create_cen_instance_page_with_tags_without_javascript(browser, live_server, user):
    """With JavaScript off the button is a link to the create page: Add Tag reloads it with a second
    row, and OK creates the instance with both tags."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/cen/instances/")
    page.get_by_role("link", name="Create CEN Instance").click()
    expect(page).to_have_url(re.compile(r"/cen/instances/create/$"))
    page.get_by_label("Tag key").fill("env")
    page.get_by_role("button", name="Add Tag").click()
    page.get_by_label("Tag key").nth(1).fill("team")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page).to_have_url(re.compile(r"/cen/instances/$"))
    instance = CenInstance.objects.get(owner=user)
    sdk = sdk_for(user, live_server)
    assert sdk_tags(sdk, instance.pk) == {"env": "", "team": ""}
    context.close()
