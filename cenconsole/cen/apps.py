from django.apps import AppConfig


class CenConfig(AppConfig):
    name = "cenconsole.cen"
    verbose_name = "CEN instances"
