from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.events"
    label = "events"
