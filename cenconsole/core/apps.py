from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cenconsole.core"
    verbose_name = "Console core"
