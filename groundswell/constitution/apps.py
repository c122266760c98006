from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.constitution"
    label = "constitution"
    verbose_name = "Constitution"
