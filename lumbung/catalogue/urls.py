from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.catalogue, name="list"),
    path("inovasi/<int:pk>/", views.innovation_detail, name="detail"),
    path("inovasi/<int:pk>/qr.png", views.innovation_qr, {"kind": "png"}, name="qr_png"),
    path("inovasi/<int:pk>/qr.svg", views.innovation_qr, {"kind": "svg"}, name="qr_svg"),
    path("wilayah/<str:code>/", views.region_catalogue, name="region"),
]
