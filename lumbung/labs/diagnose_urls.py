from django.urls import URLPattern, path

from . import diagnose_views as views

# The Diagnose stage's registers; included by labs/urls.py.
TEAM = "angkatan/<int:pk>/tim/<int:team>/diagnosa/"
urlpatterns: list[URLPattern] = [
    path(TEAM, views.team_diagnose, name="team_diagnose"),
    path(f"{TEAM}masalah/baru/", views.problem_create, name="problem_create"),
    path(f"{TEAM}masalah/<int:problem>/ubah/", views.problem_edit, name="problem_edit"),
    path(f"{TEAM}gagasan/baru/", views.idea_create, name="idea_create"),
    path(f"{TEAM}gagasan/<int:idea>/ubah/", views.idea_edit, name="idea_edit"),
    path(f"{TEAM}gagasan/<int:idea>/pilih/", views.idea_choose, name="idea_choose"),
    path("angkatan/<int:pk>/gagasan/", views.idea_summary, name="idea_summary"),
]
