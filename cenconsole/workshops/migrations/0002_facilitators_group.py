"""The Facilitators group: its members (and staff) run workshops at /workshops/. It holds one
permission, "Can add workshop", which is what the console checks."""

from django.db import migrations

from cenconsole.workshops.groups import FACILITATORS as GROUP
from cenconsole.workshops.groups import facilitators_group_create


def create_group(apps, schema_editor):
    facilitators_group_create(apps)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_workshops_and_trainees"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
