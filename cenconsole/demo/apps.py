from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "cenconsole.demo"
    verbose_name = "Demo data"
