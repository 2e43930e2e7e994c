from django.urls import URLPattern

# Attendance pages (QR check-in, lists, reports); included by labs/urls.py, names start with "attendance_".
urlpatterns: list[URLPattern] = []
