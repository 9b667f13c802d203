"""The Support staff group keeps its own saved replies in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Support staff"
CODENAMES = ["view_savedreply", "add_savedreply", "change_savedreply", "delete_savedreply"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("tickets")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # migration states have none: pretend
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="tickets", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="tickets", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("tickets", "0008_internal_notes_and_saved_replies")]

    operations = [migrations.RunPython(grant, revoke)]
