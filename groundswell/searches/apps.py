from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.searches"
    label = "searches"
    verbose_name = "Saved searches"
