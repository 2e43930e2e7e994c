from django.urls import URLPattern

# Import pages; names start with "import_" (reversed as "reports:import_...").
urlpatterns: list[URLPattern] = []
