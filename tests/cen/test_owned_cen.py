"""The owned-CEN lookup is cen's selector, one for every app that takes a CEN instance by its ID."""

import inspect
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

import cenconsole
from cenconsole.cen import selectors
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock

pytestmark = pytest.mark.django_db


def test_owned_cen_returns_the_accounts_instance(user, cen_instance):
    """The account's own instance comes back by its ID."""
    assert owned_cen(owner=user, cen_instance_id=cen_instance.pk) == cen_instance


@pytest.mark.parametrize("whose", ["another account's", "deleted"])
def test_owned_cen_refuses_another_accounts_or_a_deleted_instance(user, other_user, cen_instance, whose):
    """Another account's instance, or a deleted one, is refused on its argument cen_instance_id as unknown_cen."""
    if whose == "deleted":
        cen_instance.deleted_at = clock.now()
        cen_instance.save(update_fields=["deleted_at"])
        owner = user
    else:
        owner = other_user
    with pytest.raises(ValidationError) as refused:
        owned_cen(owner=owner, cen_instance_id=cen_instance.pk)
    assert [error.code for error in refused.value.error_dict["cen_instance_id"]] == ["unknown_cen"]


def test_only_cen_defines_the_owned_cen_lookup():
    """No other module defines its own owned_cen: bandwidth (and through it transit) uses cen's."""
    root = Path(inspect.getfile(cenconsole)).parent
    defining = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "def owned_cen(" in path.read_text(encoding="utf-8")
    ]
    assert defining == [str(Path(inspect.getfile(selectors)).relative_to(root))]
