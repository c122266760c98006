from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.accounts"
    label = "accounts"
