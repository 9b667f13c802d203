from django.apps import AppConfig


class BandwidthConfig(AppConfig):
    name = "cenconsole.bandwidth"
    verbose_name = "Bandwidth packages"
