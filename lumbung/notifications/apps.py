from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lumbung.notifications"
    label = "notifications"
