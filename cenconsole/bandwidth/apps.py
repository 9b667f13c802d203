from django.apps import AppConfig
from django.db.models.signals import post_save


class BandwidthConfig(AppConfig):
    name = "cenconsole.bandwidth"
    verbose_name = "Bandwidth packages"

    def ready(self):
        from .services.packages import package_saved

        post_save.connect(
            package_saved, sender=self.get_model("BandwidthPackage"), dispatch_uid="bandwidth.package_saved"
        )
