from django.urls import URLPattern, path

from . import dashboard_views as views

# The organisers' dashboard; included by labs/urls.py. Its XLSX and the documentation book are
# reports:cohort_dashboard_xlsx and reports:cohort_book (labs never imports reports).
urlpatterns: list[URLPattern] = [
    path("angkatan/<int:pk>/dasbor/", views.cohort_dashboard, name="cohort_dashboard"),
]
