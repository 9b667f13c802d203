import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_edit_tags_and_the_tag_filter_work_with_javascript_off(page, sign_in, user):
    """Without JavaScript: Edit Tags on the CEN page adds a tag, refuses a reserved key, removes a tag;
    a package row's Edit Tags works the same; the Instances page's tag filter finds the instance."""
    instance = CenInstanceFactory(owner=user, name="tagged")
    other = CenInstanceFactory(owner=user, name="untagged")
    package = buy_package(instance, area_a_code="China", area_b_code="China", bandwidth=2)
    sign_in(user)
    page.get_by_role("row", name=instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("region", name="CEN instance").get_by_role("link", name="Edit Tags").click()
    page.get_by_label("Tag key").fill("team")
    page.get_by_label("Tag value").fill("network")
    page.get_by_role("button", name="Add Tag").click()
    expect(page.get_by_text("Tag team was saved.")).to_be_visible()
    page.get_by_label("Tag key").fill("acs:reserved")
    page.get_by_role("button", name="Add Tag").click()
    expect(page.get_by_text("cannot start with aliyun or acs:.").first).to_be_visible()
    page.get_by_role("link", name="Done").click()
    expect(page.get_by_text("team: network")).to_be_visible()

    page.get_by_role("tab", name="Bandwidth Packages").click()
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Edit Tags").click()
    page.get_by_label("Tag key").fill("cost")
    page.get_by_role("button", name="Add Tag").click()
    page.get_by_role("row", name="cost").get_by_role("button", name="Remove").click()
    expect(page.get_by_text("No tags yet. Add one below.")).to_be_visible()

    page.get_by_role("link", name="Instances").first.click()
    page.get_by_text("Tag filter").click()
    page.get_by_placeholder("Tag key").fill("team")
    page.get_by_role("button", name="Filter by Tag").click()
    expect(page.get_by_role("row", name=instance.pk)).to_be_visible()
    expect(page.get_by_role("row", name=other.pk)).to_have_count(0)
