from django.urls import include, path

from . import views

app_name = "labs"
urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("<str:code>/baru/", views.cohort_create, name="create"),
    path("angkatan/<int:pk>/", views.cohort_detail, name="detail"),
    path("angkatan/<int:pk>/ubah/", views.cohort_edit, name="edit"),
    path("angkatan/<int:pk>/peserta/", views.participants_enrol, name="enrol"),
    path("angkatan/<int:pk>/tahap/<str:stage>/ubah/", views.stage_edit, name="stage_edit"),
    path("angkatan/<int:pk>/tahap/<str:stage>/buka-kembali/", views.stage_reopen, name="stage_reopen"),
    path("angkatan/<int:pk>/tahap/<str:stage>/sesi/baru/", views.session_create, name="session_create"),
    path("angkatan/<int:pk>/sesi/<int:session>/ubah/", views.session_edit, name="session_edit"),
    path("", include("lumbung.labs.team_urls")),
    path("", include("lumbung.labs.attendance_urls")),
    path("", include("lumbung.labs.diagnose_urls")),
    path("", include("lumbung.labs.jury_urls")),
    path("", include("lumbung.labs.gate_urls")),
    path("", include("lumbung.labs.drumup_urls")),
    path("", include("lumbung.labs.design_urls")),
    path("", include("lumbung.labs.deliver_urls")),
    path("", include("lumbung.labs.clinic_urls")),
    path("", include("lumbung.labs.dashboard_urls")),
]
