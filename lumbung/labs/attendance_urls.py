from django.urls import path

from . import attendance_views as views

# Attendance pages (QR check-in, lists, reports); included by labs/urls.py, names start with "attendance_".
urlpatterns = [
    path("angkatan/<int:pk>/kehadiran/", views.attendance_report, name="attendance_report"),
    path("angkatan/<int:pk>/sesi/<int:session>/kehadiran/", views.attendance_list, name="attendance_list"),
    path(
        "angkatan/<int:pk>/sesi/<int:session>/kehadiran/layar/",
        views.attendance_screen,
        name="attendance_screen",
    ),
    # The token is token_urlsafe: exactly the slug alphabet.
    path("sesi/<int:session>/hadir/<slug:token>/", views.attendance_check_in, name="attendance_check_in"),
]
