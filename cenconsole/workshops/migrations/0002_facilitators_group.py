"""The Facilitators group: its members (and staff) run workshops at /workshops/. Membership is the
permission; the group needs none of the admin's."""

from django.db import migrations

GROUP = "Facilitators"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_workshops_and_trainees"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
