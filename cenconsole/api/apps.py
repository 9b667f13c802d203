from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cenconsole.api"
    verbose_name = "API and AccessKeys"
