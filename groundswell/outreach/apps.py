from django.apps import AppConfig


class Config(AppConfig):
    name = "groundswell.outreach"
    label = "outreach"
    verbose_name = "Outreach: calling, texting and turnout"
