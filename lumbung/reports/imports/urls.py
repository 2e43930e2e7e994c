from django.urls import URLPattern, path

from . import views

# Import pages; names start with "import_" (reversed as "reports:import_...").
urlpatterns: list[URLPattern] = [
    path("<str:code>/", views.import_index, name="import_index"),
    path("<str:code>/hasil/<int:pk>/", views.import_batch, name="import_batch"),
    path("<str:code>/hasil/<int:pk>/konfirmasi/", views.import_confirm, name="import_confirm"),
    path("<str:code>/<str:kind>/", views.import_upload, name="import_upload"),
    path("<str:code>/<str:kind>/templat.xlsx", views.import_template, name="import_template"),
]
