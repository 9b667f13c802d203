from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthChecksConfig(AppConfig):
    name = "cenconsole.healthchecks"
    verbose_name = _("Health checks")
