from django.urls import URLPattern, path

from . import jury_views as views

# The jury: showcase entries, scoring and the ranking; included by labs/urls.py.
urlpatterns: list[URLPattern] = [
    path("angkatan/<int:pk>/tim/<int:team>/karya/", views.entry_edit, name="entry_edit"),
    path("angkatan/<int:pk>/tim/<int:team>/karya/gambar/<int:file>/", views.entry_image, name="entry_image"),
    path(
        "angkatan/<int:pk>/tim/<int:team>/karya/foto/<int:file>/hapus/",
        views.entry_photo_remove,
        name="entry_photo_remove",
    ),
    path("angkatan/<int:pk>/juri/", views.jury_score, name="jury_score"),
    path("angkatan/<int:pk>/juri/rubrik/", views.jury_rubric, name="jury_rubric"),
    path("angkatan/<int:pk>/peringkat/", views.jury_ranking, name="jury_ranking"),
]
