from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cenconsole.core"
    verbose_name = _("Console core")

    def ready(self):
        from . import write_version

        write_version.connect()
