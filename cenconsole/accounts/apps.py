from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cenconsole.accounts"
    verbose_name = "Accounts"
