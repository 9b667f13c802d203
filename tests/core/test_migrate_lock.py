"""Two app servers started together on one PostgreSQL (issue 27): their `manage.py migrate` run one at a
time (an advisory lock around migrate), so neither crashes on a fresh database or on an upgrade."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.conftest import requires_postgres

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scratch_database():
    """A new, empty PostgreSQL database beside the test database (dropped afterwards); its URL."""
    settings = connection.settings_dict
    name = f"{settings['NAME']}_migrate"[:63]
    server = {"host": settings["HOST"] or "127.0.0.1", "port": settings["PORT"] or 5432, "user": settings["USER"]}
    if settings["PASSWORD"]:
        server["password"] = settings["PASSWORD"]

    def run(statement):
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(statement)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(url, *arguments):
    env = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        "DATABASE_URL": url,
        "SECRET_KEY": "migrate-lock-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *arguments, "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def two_at_once(url):
    """Two `manage.py migrate` started together; each one's exit status and output."""
    processes = [manage(url, "migrate") for _ in range(2)]
    return [(process.wait(timeout=240), process.stdout.read()) for process in processes]


def test_two_migrates_at_once_on_a_fresh_database_both_succeed(scratch_database):
    """Two migrates started together on an empty database both exit 0."""
    for status, output in two_at_once(scratch_database):
        assert status == 0, output


def test_two_migrates_at_once_on_an_upgrade_both_succeed(scratch_database):
    """A database migrated to an earlier state (the workshops app's tables not yet made): two migrates
    started together both exit 0."""
    for arguments in (["migrate"], ["migrate", "workshops", "zero"]):
        process = manage(scratch_database, *arguments)
        assert process.wait(timeout=240) == 0, process.stdout.read()
    for status, output in two_at_once(scratch_database):
        assert status == 0, output
