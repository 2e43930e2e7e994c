from django.urls import URLPattern, path

from . import deliver_views as views

# The Deliver stage's pages; included by labs/urls.py.
TEAM = "angkatan/<int:pk>/tim/<int:team>/pelaksanaan/"
urlpatterns: list[URLPattern] = [
    path(TEAM, views.team_deliver, name="team_deliver"),
    path(f"{TEAM}tonggak/<int:milestone>/lapor/", views.milestone_report, name="milestone_report"),
    path(f"{TEAM}angka/", views.deliver_figures, name="deliver_figures"),
    path("angkatan/<int:pk>/tonggak-terlambat/", views.overdue_milestones, name="overdue_milestones"),
]
