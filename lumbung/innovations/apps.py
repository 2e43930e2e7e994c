from django.apps import AppConfig


class InnovationsConfig(AppConfig):
    name = "lumbung.innovations"
    label = "innovations"
