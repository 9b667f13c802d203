from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "cenconsole.regions"
    verbose_name = _("Areas and regions")
