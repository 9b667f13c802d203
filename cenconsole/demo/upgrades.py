"""Upgrade (migration 0002_existing_demo_accounts runs `recognise`): which existing accounts the demo
seeder made, and whether the deployment had opted out.

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

SEEDED_CEN = {"name": "demo-cen", "description": "Sample CEN instance"}


def recognise(apps, schema_editor):
    """Marks the seeder's `demo` and `admin` as demo accounts, or records that the deployment opted out."""
    User = apps.get_model("accounts", "User")
    CenInstance = apps.get_model("cen", "CenInstance")
    DemoAccountsChoice = apps.get_model("demo", "DemoAccountsChoice")
    accounts = User.objects.filter(is_sandbox=False)
    demo = accounts.filter(username="demo", is_staff=False).first()
    if demo is not None and CenInstance.objects.filter(owner=demo, **SEEDED_CEN).exists():
        User.objects.filter(pk=demo.pk).update(is_demo=True)
        accounts.filter(username="admin", is_superuser=True).update(is_demo=True)
    elif accounts.exists() and not DemoAccountsChoice.objects.exists():
        DemoAccountsChoice.objects.create(
            id=1, enabled=False, note="upgrade: the database held accounts, none made by seed_demo"
        )
