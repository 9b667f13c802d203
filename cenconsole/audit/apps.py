from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cenconsole.audit"
    verbose_name = "Audit records"
