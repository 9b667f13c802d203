"""The demo's sample data reads in the console's language; names, and what the user writes, stay as written."""

import pytest

from cenconsole.cen.models import CenInstance

pytestmark = pytest.mark.django_db


def test_chinese_console_shows_the_sample_description_in_chinese(client, sandbox):
    """In Chinese the seeded "Sample CEN instance" reads 示例云企业网实例; its name stays demo-cen."""
    client.force_login(sandbox)
    client.cookies["django_language"] = "zh-hans"
    html = client.get("/cen/instances/").content.decode()
    assert "示例云企业网实例" in html and "Sample CEN instance" not in html
    assert "demo-cen" in html


def test_english_console_shows_the_sample_description_in_english(client, sandbox):
    """In English the seeded description reads Sample CEN instance."""
    client.force_login(sandbox)
    assert "Sample CEN instance" in client.get("/cen/instances/").content.decode()


def test_a_description_the_user_wrote_is_shown_as_written(client, sandbox):
    """A changed description is the user's own data: shown as written in Chinese too."""
    CenInstance.objects.filter(owner=sandbox).update(description="Sample CEN instance, mine")
    client.force_login(sandbox)
    client.cookies["django_language"] = "zh-hans"
    assert "Sample CEN instance, mine" in client.get("/cen/instances/").content.decode()
