from django.urls import URLPattern, path

from . import index_views as views

# What the region sees of its index for one year; included by assessment/urls.py under /iid/.
urlpatterns: list[URLPattern] = [
    path("wilayah/<str:code>/<int:year>/indeks/", views.index_region, name="index_region"),
    path("wilayah/<str:code>/<int:year>/kesiapan/", views.index_readiness, name="index_readiness"),
    path("wilayah/<str:code>/<int:year>/perbaikan/", views.index_improve, name="index_improve"),
    path("wilayah/<str:code>/<int:year>/simulasi/", views.index_sandbox, name="index_sandbox"),
    path(
        "wilayah/<str:code>/<int:year>/simulasi/skor/", views.index_sandbox_score, name="index_sandbox_score"
    ),
]
