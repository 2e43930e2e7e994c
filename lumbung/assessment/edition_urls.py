from django.urls import path

from . import edition_views as views

urlpatterns = [
    path("edisi/", views.edition_list, name="edition_list"),
    path("edisi/impor/", views.edition_import, name="edition_import"),
    path("edisi/<int:year>/", views.edition_detail, name="edition_detail"),
    path("edisi/<int:year>.xlsx", views.edition_export, name="edition_export"),
    path("edisi/<int:year>/salin/", views.edition_clone, name="edition_clone"),
    path("edisi/<int:year>/ubah/", views.edition_edit, name="edition_edit"),
    path("edisi/<int:year>/indikator/<int:pk>/ubah/", views.indicator_edit, name="indicator_edit"),
    path("edisi/<int:year>/terbitkan/", views.edition_publish, name="edition_publish"),
    path("edisi/<int:year>/hapus/", views.edition_delete, name="edition_delete"),
]
