from django.urls import URLPattern, path

from . import team_views

# Team and session-material pages; included by labs/urls.py, names start with "team_" or "material_".
urlpatterns: list[URLPattern] = [
    path("angkatan/<int:pk>/tim/", team_views.team_list, name="team_list"),
    path("angkatan/<int:pk>/tim/baru/", team_views.team_create, name="team_create"),
    path("angkatan/<int:pk>/tim/coach/", team_views.team_coach_add, name="team_coach_add"),
    path("angkatan/<int:pk>/sesi/<int:session>/materi/", team_views.material_list, name="material_list"),
    path("angkatan/<int:pk>/materi/<int:material>/", team_views.material_download, name="material_download"),
    path(
        "angkatan/<int:pk>/materi/<int:material>/hapus/", team_views.material_remove, name="material_remove"
    ),
]
