from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "lumbung.jobs"
    label = "jobs"
