from django.urls import URLPattern, path

from . import clinic_views as views

# The coaching clinic and the coach's own page; included by labs/urls.py.
CLINIC = "angkatan/<int:pk>/klinik/"
urlpatterns: list[URLPattern] = [
    path(CLINIC, views.clinic_list, name="clinic_list"),
    path(f"{CLINIC}jadwal/baru/", views.slot_create, name="clinic_slot_create"),
    path(f"{CLINIC}jadwal/<int:slot>/ubah/", views.slot_edit, name="clinic_slot_edit"),
    path(f"{CLINIC}jadwal/<int:slot>/hapus/", views.slot_remove, name="clinic_slot_remove"),
    path(f"{CLINIC}jadwal/<int:slot>/pesan/", views.booking_create, name="clinic_book"),
    path(f"{CLINIC}pemesanan/<int:booking>/batal/", views.booking_cancel, name="clinic_cancel"),
    path(f"{CLINIC}pemesanan/<int:booking>/catat/", views.clinic_record, name="clinic_record"),
    path("coach/", views.coach_home, name="coach_home"),
]
