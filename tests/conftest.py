import os
import shutil

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from hypothesis import settings as hypothesis_settings

from cenconsole.networks import services as network_services
from tests.factories import PASSWORD, CenInstanceFactory, UserFactory, buy_package

# Playwright's sync API runs an event loop in the test thread; Django's ORM is used beside it only
# from synchronous code, so its async-safety check would be a false alarm here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# In CI, hypothesis explores the same examples every run: a red CI then means a change broke
# something, not that a new random example turned up (those are found by local runs).
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .mo files Django reads, compiled from the committed .po when missing or older (`make test`
    compiles them first; this covers a direct pytest run after the catalogue changed)."""
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command

    stale = [
        po
        for locale_path in settings.LOCALE_PATHS
        for po in Path(locale_path).glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale and shutil.which("msgfmt"):
        call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def postgresql_flush_by_delete():
    """A transactional test's flush on PostgreSQL empties each table with DELETE, not TRUNCATE: TRUNCATE of
    the project's tables costs 0.64 s here (new files for every table and index), DELETE of the few rows a
    test leaves 4 ms, and the flush runs after each of some 300 transactional tests. The foreign keys are
    deferred, so the order of the DELETEs does not matter within the flush's transaction. A flush that
    resets sequences keeps TRUNCATE ... RESTART IDENTITY."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's browser: Debian's Chromium (Playwright's own downloads do not work here)."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`.")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def ensure_reference_data():
    """The rows data migrations made (the seed's areas and regions, the Support staff and Facilitators
    groups), made again after a transactional test's flush emptied the tables."""
    from cenconsole.regions.models import Area
    from cenconsole.regions.reference import load_reference_data
    from cenconsole.tickets.groups import SUPPORT_STAFF, support_staff_group_create
    from cenconsole.workshops.groups import FACILITATORS, facilitators_group_create

    if not Area.objects.exists():
        load_reference_data(django_apps)
    if not Group.objects.filter(name=SUPPORT_STAFF).exists():
        support_staff_group_create(django_apps)
    if not Group.objects.filter(name=FACILITATORS).exists():
        facilitators_group_create(django_apps)


@pytest.fixture(autouse=True)
def reference_data(request):
    """Transactional tests (browser, live server, threads) flush every table after them: every test
    that uses the database starts with the reference data the migrations load, whichever ran before
    it (pytest-django runs most transactional tests last, but not all: a test can reach the database
    only through a fixture)."""
    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        request.getfixturevalue("transactional_db")
        ensure_reference_data()
    elif marker or "db" in request.fixturenames:
        request.getfixturevalue("db")
        ensure_reference_data()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in Chinese leaves its language active in
    the thread (LocaleMiddleware activates it and nothing deactivates it)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: database ids repeat between tests, cached pages must not."""
    for each in caches.all():
        each.clear()


@pytest.fixture
def page_cache_off(settings):
    """Every request renders its page (core.page_cache off): for the query-count tests, which measure what
    rendering a page costs, not what sending it again does."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def cen_instance(user):
    return CenInstanceFactory(owner=user)


@pytest.fixture
def client_user(client, user):
    """The test client, signed in as `user`."""
    client.force_login(user)
    return client


@pytest.fixture
def user_password():
    return PASSWORD


requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (run with DATABASE_URL=postgres://...)"
)


# Packages, network instances and region connections, made through the services.


@pytest.fixture
def package(cen_instance):
    """A Mainland China <-> North America package of 10 Mbps, bought and bound to cen_instance."""
    return buy_package(cen_instance)


@pytest.fixture
def attach():
    """Attaches a VPC in region_code to cen_instance through the service."""

    def attach_vpc(cen_instance, region_code, name="", **extra):
        return network_services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code=region_code, name=name, **extra
        )

    return attach_vpc


@pytest.fixture
def connect():
    """Sets a region connection on the package's CEN instance through the service."""

    def set_connection(package, local_region_code, opposite_region_code, bandwidth):
        return network_services.region_connection_set(
            owner=package.owner,
            cen_instance_id=package.cen_instance_id,
            package_id=package.pk,
            local_region_code=local_region_code,
            opposite_region_code=opposite_region_code,
            bandwidth=bandwidth,
        )

    return set_connection
