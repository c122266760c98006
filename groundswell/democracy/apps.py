from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.democracy"
    label = "democracy"
    verbose_name = "Decide"
