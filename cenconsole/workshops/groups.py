"""The Facilitators group: its members (and staff) run workshops at /workshops/. It holds one
permission, "Can add workshop", which is what the console checks. Made by migration 0002 and by the
test set-up after a flush."""

from cenconsole.core.groups import group_set_permissions

FACILITATORS = "Facilitators"
FACILITATORS_PERMISSIONS = [("workshops", "add_workshop")]


def facilitators_group_create(apps):
    """Makes the Facilitators group with its permission. `apps`: a migration's registry or django.apps.apps."""
    return group_set_permissions(apps, FACILITATORS, FACILITATORS_PERMISSIONS)
