from django.apps import AppConfig


class TagsConfig(AppConfig):
    name = "cenconsole.tags"
    verbose_name = "Tags"
