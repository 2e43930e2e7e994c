from django.urls import URLPattern, path

from . import score_views as views

# Stored scores: a region's history and a province's roll-up; included by assessment/urls.py.
urlpatterns: list[URLPattern] = [
    path("", views.index_home, name="home"),
    path("wilayah/<str:code>/riwayat/", views.index_history, name="index_history"),
    path("provinsi/<str:code>/<int:year>/", views.province_rollup, name="province_rollup"),
]
