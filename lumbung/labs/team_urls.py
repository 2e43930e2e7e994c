from django.urls import URLPattern

# Team and session-material pages; included by labs/urls.py, names start with "team_" or "material_".
urlpatterns: list[URLPattern] = []
