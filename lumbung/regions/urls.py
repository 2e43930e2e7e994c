from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("<str:code>/unit/", views.units, name="units"),
    path("<str:code>/unit/baru/", views.unit_new, name="unit_new"),
    path("<str:code>/unit/<int:pk>/ubah/", views.unit_edit, name="unit_edit"),
]
