from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.geo"
    label = "geo"
