from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "cenconsole.billing"
    verbose_name = "Billing"
