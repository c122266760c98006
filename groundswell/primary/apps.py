from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.primary"
    label = "primary"
    verbose_name = "Policy Primary"
