from django.urls import URLPattern, path

from . import views

# The index answers for the national portal (reversed as "reports:iid_export").
urlpatterns: list[URLPattern] = [
    path("wilayah/<str:code>/<int:year>/portal-nasional.xlsx", views.iid_export, name="iid_export"),
    path("wilayah/<str:code>/<int:year>/kesiapan.pdf", views.iid_readiness_pdf, name="iid_readiness_pdf"),
]
