from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cenconsole.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import signals  # noqa: F401  (sign-in gives the session an id; Sign out ends it)
        from .services import opening_credit_record

        post_save.connect(opening_credit_record, sender=self.get_model("User"), dispatch_uid="accounts.opening_credit")
