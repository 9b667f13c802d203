from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cenconsole.accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import signals  # noqa: F401  (sign-in gives the session an id; Sign out ends it)
