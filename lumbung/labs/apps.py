from django.apps import AppConfig


class LabsConfig(AppConfig):
    name = "lumbung.labs"
    label = "labs"

    def ready(self) -> None:
        # The feed of every enrolled participant and coach lists the sessions of their cohorts.
        from lumbung.notifications.calendar import register_source

        from .calendar import session_events

        register_source(session_events)
