"""The Facilitators group: its members (and staff) run workshops at /workshops/. It holds one
permission, "Can add workshop", which is what the console checks."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Facilitators"
PERMISSIONS = [("workshops", "add_workshop")]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs its one now.
    app_config = apps.get_app_config("workshops")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # migration states have none: pretend
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        [Permission.objects.get(content_type__app_label=label, codename=codename) for label, codename in PERMISSIONS]
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_workshops_and_trainees"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
