from django.urls import URLPattern, path

from . import views

# Reports of the innovation lab (reversed as "reports:..."); the dashboard page itself is labs'.
urlpatterns: list[URLPattern] = [
    path("angkatan/<int:pk>/dasbor.xlsx", views.cohort_dashboard_xlsx, name="cohort_dashboard_xlsx"),
    path("angkatan/<int:pk>/buku.<str:fmt>", views.cohort_book, name="cohort_book"),
]
