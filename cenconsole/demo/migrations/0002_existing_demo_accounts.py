"""Upgrade: which existing accounts the demo seeder made, and whether the deployment had opted out
(cenconsole.demo.upgrades.recognise says how it tells)."""

from django.db import migrations

from cenconsole.demo.upgrades import recognise


class Migration(migrations.Migration):
    dependencies = [
        ("demo", "0001_demo_accounts_choice"),
        ("accounts", "0012_user_is_demo"),
        ("cen", "0006_resource_groups"),
    ]

    operations = [migrations.RunPython(recognise, migrations.RunPython.noop, elidable=True)]
