from django.urls import path

from . import attendance_views as views

# Attendance pages (QR check-in, lists, reports, badges, imports); included by labs/urls.py.
SESSION = "angkatan/<int:pk>/sesi/<int:session>/kehadiran/"
urlpatterns = [
    path("angkatan/<int:pk>/kehadiran/", views.attendance_report, name="attendance_report"),
    path(SESSION, views.attendance_list, name="attendance_list"),
    path(f"{SESSION}layar/", views.attendance_screen, name="attendance_screen"),
    path(f"{SESSION}pindai/", views.attendance_scan, name="attendance_scan"),
    path(f"{SESSION}impor/", views.attendance_import, name="attendance_import"),
    # The token is token_urlsafe: exactly the slug alphabet.
    path("sesi/<int:session>/hadir/<slug:token>/", views.attendance_check_in, name="attendance_check_in"),
    path("angkatan/<int:pk>/kartu/", views.participant_badge, name="participant_badge"),
    # A signed participant id ("42:signature"), so str rather than slug.
    path("hadir/peserta/<str:token>/", views.attendance_badge_scan, name="attendance_badge_scan"),
]
