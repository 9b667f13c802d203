"""The database's write version (core.write_version): a one-row table on SQLite, a sequence on PostgreSQL.
Neither is a model's, so a test database's flush leaves it as it is and the version only grows."""

from django.db import migrations

from cenconsole.core.write_version import POSTGRES_SEQUENCE, SQLITE_TABLE


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS {POSTGRES_SEQUENCE}")
        # last_value reads 1 both before and after the first nextval: start it, so every nextval shows.
        schema_editor.execute(f"SELECT nextval('{POSTGRES_SEQUENCE}')")
    else:
        schema_editor.execute(f"CREATE TABLE IF NOT EXISTS {SQLITE_TABLE} (id integer PRIMARY KEY, value integer NOT NULL)")
        schema_editor.execute(f"INSERT OR IGNORE INTO {SQLITE_TABLE} (id, value) VALUES (1, 1)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE IF EXISTS {POSTGRES_SEQUENCE}")
    else:
        schema_editor.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop, elidable=False)]
