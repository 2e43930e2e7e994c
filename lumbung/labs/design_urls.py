from django.urls import URLPattern, path

from . import design_views as views

# The Design stage's pages; included by labs/urls.py.
TEAM = "angkatan/<int:pk>/tim/<int:team>/rancangan/"
urlpatterns: list[URLPattern] = [
    path(TEAM, views.team_design, name="team_design"),
    path(f"{TEAM}ubah/", views.design_edit, name="design_edit"),
    path(f"{TEAM}catat-ke-registri/", views.design_register, name="design_register"),
    path(f"{TEAM}tonggak/baru/", views.milestone_create, name="design_milestone_create"),
    path(f"{TEAM}tonggak/<int:milestone>/ubah/", views.milestone_edit, name="design_milestone_edit"),
    path(f"{TEAM}tonggak/<int:milestone>/hapus/", views.milestone_remove, name="design_milestone_remove"),
]
