"""What the products services say when they refuse: constants marked for translation, unformatted."""

from django.utils.translation import gettext_noop

RESOURCE_ID_FORMAT = gettext_noop("%(name)s must be %(prefix)s followed by 1 to 28 lower-case letters and digits.")
RESOURCE_REGION = gettext_noop("%(resource_id)s is in %(region)s, not in %(expected)s.")
UNKNOWN_REGION = gettext_noop("Select a region from the list.")
