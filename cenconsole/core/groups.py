"""Groups that data migrations make, made the same way by the migration and by the test set-up."""

from django.contrib.auth.management import create_permissions


def permissions_create(apps, label):
    """Makes the permissions of app `label` now: Django makes them after all migrations, and a group
    made inside a migration needs them before. Migration states have no models module: pretend one."""
    app_config = apps.get_app_config(label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = models_module


def group_set_permissions(apps, name, permissions):
    """Makes the group `name` (if missing) holding exactly `permissions`, (app label, codename) pairs."""
    for label in {label for label, _ in permissions}:
        permissions_create(apps, label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(
        [Permission.objects.get(content_type__app_label=label, codename=codename) for label, codename in permissions]
    )
    return group
