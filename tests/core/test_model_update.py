"""One audited update: core.services.model_update sets, validates and saves only what changed;
audit.services.audited_update records it once. The modify-attributes services go through it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.audit.models import AuditRecord
from cenconsole.audit.services import audited_update
from cenconsole.core.services import model_update

pytestmark = pytest.mark.django_db


def test_model_update_saves_only_the_changed_fields_and_returns_them(cen_instance):
    """A changed name and an unchanged description: one UPDATE of the name alone (the instance's
    post_save receiver bumps its account's state), and the change is returned."""
    old_name = cen_instance.name
    with CaptureQueriesContext(connection) as queries:
        changes = model_update(
            instance=cen_instance,
            fields=["name", "description"],
            data={"name": "renamed", "description": cen_instance.description},
        )
    assert changes == {"name": (old_name, "renamed")}
    sql = [query["sql"] for query in queries.captured_queries if '"cen_ceninstance"' in query["sql"]]
    assert len(sql) == 1 and sql[0].startswith("UPDATE") and "description" not in sql[0]
    cen_instance.refresh_from_db()
    assert cen_instance.name == "renamed"


def test_model_update_ignores_fields_outside_the_whitelist(cen_instance):
    """Data for a field not in `fields` is not set."""
    owner_id = cen_instance.owner_id
    assert model_update(instance=cen_instance, fields=["name"], data={"owner_id": 0}) == {}
    assert cen_instance.owner_id == owner_id


def test_model_update_with_nothing_changed_saves_nothing(cen_instance, django_assert_num_queries):
    """The same values: no query, nothing returned."""
    with django_assert_num_queries(0):
        assert model_update(instance=cen_instance, fields=["name"], data={"name": cen_instance.name}) == {}


def test_model_update_validates_the_changed_fields(cen_instance):
    """A value the field refuses raises ValidationError keyed by the field, and nothing is saved."""
    old_name = cen_instance.name
    with pytest.raises(ValidationError) as refused:
        model_update(instance=cen_instance, fields=["name"], data={"name": "x" * 1000})
    assert "name" in refused.value.error_dict
    cen_instance.refresh_from_db()
    assert cen_instance.name == old_name


def test_audited_update_records_what_changed_once(user, cen_instance):
    """A change leaves one audit record with the old and new values; no change leaves none."""
    old_name = cen_instance.name
    audited_update(actor=user, action="cen.modified", instance=cen_instance, fields=["name"], data={"name": "n2"})
    audited_update(actor=user, action="cen.modified", instance=cen_instance, fields=["name"], data={"name": "n2"})
    records = AuditRecord.objects.filter(action="cen.modified", target_id=cen_instance.pk)
    assert [record.changes for record in records] == [{"name": [old_name, "n2"]}]
