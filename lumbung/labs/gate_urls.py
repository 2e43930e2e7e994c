from django.urls import URLPattern, path

from . import gate_views as views

# A team's page, its stage gates and its files; included by labs/urls.py.
TEAM = "angkatan/<int:pk>/tim/<int:team>/"
urlpatterns: list[URLPattern] = [
    path(TEAM, views.team_detail, name="team_detail"),
    path(f"{TEAM}tahap/<str:stage>/ajukan/", views.stage_submit, name="stage_submit"),
    path(f"{TEAM}tahap/<str:stage>/periksa/", views.stage_review, name="stage_review"),
    path(f"{TEAM}berkas/<int:file>/", views.team_file_download, name="team_file_download"),
]
