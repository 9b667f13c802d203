from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError) -> None:
    """Shows a service's ValidationError on the form: field errors beside their fields, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
