"""Support staff reach the ticket desk, not every account's audit records: the group no longer holds
"Can view audit record" (superusers read them; a ticket's own history is its thread)."""

from django.db import migrations

GROUP = "Support staff"
PERMISSION = ("audit", "view_auditrecord")


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    label, codename = PERMISSION
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=label, codename=codename))


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    label, codename = PERMISSION
    for group in Group.objects.filter(name=GROUP):
        group.permissions.add(*Permission.objects.filter(content_type__app_label=label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [("tickets", "0010_saved_reply_text_printable"), ("audit", "0003_verbose_names")]

    operations = [migrations.RunPython(revoke, grant)]
