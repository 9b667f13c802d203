"""Simultaneous tag changes of one resource (PostgreSQL; SQLite serialises whole transactions)."""

import pytest
from django.test import Client

from cenconsole.api import services as api_services
from cenconsole.tags.models import MAX_TAGS_PER_RESOURCE, Tag
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, api_call
from tests.concurrency import at_once
from tests.conftest import requires_postgres

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_tag_resources_of_20_keys_leave_at_most_20_tags(user, cen_instance):
    """Two TagResources of 20 different keys each at once on one CEN: one succeeds, one is
    QuotaExceeded.TagNum, and the CEN has 20 tags."""
    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)

    def tag(prefix):
        keys = {f"Tag.{n}.Key": f"{prefix}{n}" for n in range(1, 21)}
        values = {f"Tag.{n}.Value": "v" for n in range(1, 21)}
        return lambda: api_call(
            Client(), "TagResources", ResourceType="cen", **{"ResourceId.1": cen_instance.pk}, **keys, **values
        )

    first, second = at_once(tag("a"), tag("b"))
    assert sorted([first.status, second.status]) == [200, 400]
    assert {first.code, second.code} == {None, "QuotaExceeded.TagNum"}
    assert Tag.objects.filter(resource_id=cen_instance.pk).count() == MAX_TAGS_PER_RESOURCE
