from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.people"
    label = "people"
