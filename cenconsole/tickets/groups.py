"""The Support staff group: exactly what handling deletion tickets needs. Migrations 0002, 0009 and
0011 built it step by step; `support_staff_group_create` makes it as they leave it (the test set-up
calls it after a flush; a test checks it matches the migrated group)."""

from cenconsole.core.groups import group_set_permissions

SUPPORT_STAFF = "Support staff"
# (app label, codename)
SUPPORT_STAFF_PERMISSIONS = [
    ("tickets", "view_deletionticket"),
    ("tickets", "handle_deletionticket"),
    ("bandwidth", "view_bandwidthpackage"),
    ("tickets", "view_savedreply"),
    ("tickets", "add_savedreply"),
    ("tickets", "change_savedreply"),
    ("tickets", "delete_savedreply"),
]


def support_staff_group_create(apps):
    """Makes the Support staff group with its permissions. `apps`: a migration's registry or django.apps.apps."""
    return group_set_permissions(apps, SUPPORT_STAFF, SUPPORT_STAFF_PERMISSIONS)
