from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivateZonesConfig(AppConfig):
    name = "cenconsole.privatezones"
    verbose_name = _("PrivateZone and cloud service access")
