"""Upgrade: which existing accounts the demo seeder made, and whether the deployment had opted out.

Before this release an account was a demo account by its username (`demo`) and DEMO_ACCOUNTS; now by
User.is_demo, set by seed_demo on the accounts it creates. An existing database is read so:
- `demo` is the seeder's when it holds the seeded sample CEN instance (named `demo-cen`, described
  "Sample CEN instance", as every seeder wrote it); it keeps Reset demo and Advance time. A `demo` without
  it (someone who signed up under that name) is an ordinary account.
- `admin` is the seeder's when it is a superuser and the seeded `demo` was found beside it.
- A database that holds accounts (sandboxes aside) of which none is the seeder's ran with DEMO_ACCOUNTS=0
  (or its operator removed them): that choice is recorded, so a plain `make run` after the upgrade makes
  no admin/admin. `seed_demo --demo-accounts` turns them on again.
Not undone by migrating back (the flags and the choice go with their column and table)."""

from django.db import migrations

from cenconsole.demo.upgrades import recognise


class Migration(migrations.Migration):
    dependencies = [
        ("demo", "0001_demo_accounts_choice"),
        ("accounts", "0012_user_is_demo"),
        ("cen", "0006_resource_groups"),
    ]

    operations = [migrations.RunPython(recognise, migrations.RunPython.noop, elidable=True)]
