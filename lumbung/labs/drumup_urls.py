from django.urls import URLPattern, path

from . import drumup_views as views

# Drum-up commitments and the Diagnose readiness self-assessment; included by labs/urls.py.
TEAM = "angkatan/<int:pk>/tim/<int:team>/"
QUESTIONS = "angkatan/<int:pk>/kesiapan/"
urlpatterns: list[URLPattern] = [
    path(f"{TEAM}drum-up/", views.team_drumup, name="team_drumup"),
    path(f"{TEAM}drum-up/komitmen/baru/", views.commitment_create, name="commitment_create"),
    path(f"{TEAM}drum-up/komitmen/<int:commitment>/ubah/", views.commitment_edit, name="commitment_edit"),
    path(
        f"{TEAM}drum-up/komitmen/<int:commitment>/hapus/", views.commitment_remove, name="commitment_remove"
    ),
    path(f"{TEAM}kesiapan/", views.team_readiness, name="team_readiness"),
    path(QUESTIONS, views.readiness_questions, name="readiness_questions"),
    path(f"{QUESTIONS}rekap/", views.readiness_summary, name="readiness_summary"),
    path(f"{QUESTIONS}<int:question>/ubah/", views.readiness_question_edit, name="readiness_question_edit"),
    path(
        f"{QUESTIONS}<int:question>/hapus/", views.readiness_question_remove, name="readiness_question_remove"
    ),
]
