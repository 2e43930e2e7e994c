from django.apps import AppConfig


class LabsConfig(AppConfig):
    name = "lumbung.labs"
    label = "labs"

    def ready(self) -> None:
        # The feed of every enrolled participant and coach lists the sessions of their cohorts,
        # and their coaching clinics (a coach's slots, a team's bookings).
        from lumbung.notifications.calendar import register_source

        from .calendar import clinic_events, session_events

        register_source(session_events)
        register_source(clinic_events)
