"""Loads the seed's areas and regions (cenconsole.regions.reference, which the test set-up calls too)."""

from django.db import migrations

from cenconsole.regions.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
