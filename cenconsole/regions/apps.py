from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "cenconsole.regions"
    verbose_name = "Areas and regions"
