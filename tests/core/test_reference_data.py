"""Reference data lives in its app, not in migration modules: the test set-up and the data migrations
call the same functions, and no test imports a migration (which would block squashing them)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from cenconsole.regions.models import Area, Region
from cenconsole.regions.reference import AREAS, load_reference_data
from cenconsole.tickets.groups import SUPPORT_STAFF, support_staff_group_create
from cenconsole.workshops.groups import FACILITATORS, facilitators_group_create

TESTS = Path(__file__).resolve().parent.parent
MIGRATION_IMPORT = re.compile(r"""(?:from|import)\s+cenconsole\.\w+\.migrations|["']cenconsole\.\w+\.migrations\.""")


def permissions_of(name):
    return set(Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename"))


def test_no_test_imports_a_migration_module():
    """No file under tests/ imports (or import_module()s) a module of an app's migrations package."""
    offenders = [
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*.py")
        if path != Path(__file__).resolve() and MIGRATION_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_migrated_areas_and_regions_are_the_reference_data():
    """The areas and regions the migrations loaded are exactly those of regions.reference, in order."""
    assert list(Area.objects.order_by("position").values_list("code", "name")) == [(c, n) for c, n, _ in AREAS]
    assert Region.objects.count() == sum(len(regions) for _, _, regions in AREAS)


@pytest.mark.django_db
def test_loading_the_reference_data_again_changes_nothing():
    """load_reference_data on a migrated database leaves the same rows (it updates, never duplicates)."""
    before = list(Region.objects.order_by("pk").values_list("pk", "code", "name", "area__code", "position"))
    load_reference_data(apps)
    assert list(Region.objects.order_by("pk").values_list("pk", "code", "name", "area__code", "position")) == before


@pytest.mark.django_db
def test_the_support_staff_group_the_set_up_makes_is_the_one_the_migrations_leave():
    """support_staff_group_create makes the group with the permissions migrations 0002, 0009 and 0011 left."""
    migrated = permissions_of(SUPPORT_STAFF)
    Group.objects.filter(name=SUPPORT_STAFF).delete()
    support_staff_group_create(apps)
    assert permissions_of(SUPPORT_STAFF) == migrated


@pytest.mark.django_db
def test_the_facilitators_group_the_set_up_makes_is_the_one_the_migration_leaves():
    """facilitators_group_create makes the group with the permission its migration gave it."""
    migrated = permissions_of(FACILITATORS)
    Group.objects.filter(name=FACILITATORS).delete()
    facilitators_group_create(apps)
    assert permissions_of(FACILITATORS) == migrated == {("workshops", "add_workshop")}
