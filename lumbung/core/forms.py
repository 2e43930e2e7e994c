from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from .validators import validate_nip


def add_service_errors(form: Any, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class NipField(forms.CharField):
    """A NIP as people type it: "19700101 199003 1 001" (the printed form) is stored as its 18 digits."""

    default_validators = [validate_nip]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return "".join(str(super().to_python(value)).split())
