from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("baca-semua/", views.mark_all_read, name="mark_all_read"),
    path("pengaturan/", views.preferences, name="preferences"),
    path("kalender/", views.calendar_page, name="calendar"),
    path("kalender/ganti-alamat/", views.calendar_reset, name="calendar_reset"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("tenggat/<str:code>/", views.deadline_list, name="deadlines"),
    path("tenggat/<str:code>/tambah/", views.deadline_create, name="deadline_create"),
    path("tenggat/<str:code>/<int:pk>/ubah/", views.deadline_edit, name="deadline_edit"),
    path("tenggat/<str:code>/<int:pk>/hapus/", views.deadline_delete, name="deadline_delete"),
    path("email/<str:code>/", views.unsent_mails, name="unsent_mails"),
    path("email/<str:code>/<int:pk>/kirim-lagi/", views.mail_retry, name="mail_retry"),
]
