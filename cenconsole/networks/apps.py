from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "cenconsole.networks"
    verbose_name = "Networks and region connections"
