from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.selections"
    label = "selections"
    verbose_name = "Candidate selection"
