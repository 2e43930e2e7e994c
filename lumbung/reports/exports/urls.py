from django.urls import URLPattern, path, re_path

from . import views

# Export and PDF pages; names start with "export_" or "pdf_" (reversed as "reports:...").
urlpatterns: list[URLPattern] = [
    re_path(r"^inovasi\.(?P<fmt>xlsx|csv)$", views.innovation_export, name="export_innovations"),
    path("inovasi/<int:pk>/profil.pdf", views.innovation_pdf, name="pdf_innovation"),
]
