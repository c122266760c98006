from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.targets"
    label = "targets"
    verbose_name = "Target seats"
