from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "lumbung.catalogue"
    label = "catalogue"
