from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "lumbung.regions"
    label = "regions"
