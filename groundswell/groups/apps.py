from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.groups"
    label = "groups"
