from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.core"
    label = "core"
