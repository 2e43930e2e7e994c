from django.urls import URLPattern

# Export and PDF pages; names start with "export_" or "pdf_" (reversed as "reports:...").
urlpatterns: list[URLPattern] = []
