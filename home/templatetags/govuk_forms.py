"""Django forms in GOV.UK Design System markup: an error summary that links to each field, and the field itself."""

from django import forms, template

register = template.Library()


@register.filter
def error_list(form: forms.BaseForm) -> list[tuple[str, str]]:
    """(anchor, message) for every error, in field order: the error summary links each to its field.

    Errors not tied to a field link to the first field, so the summary never has a dead link.
    """
    fields = list(form)
    errors = []
    for message in form.non_field_errors():
        errors.append((f"#{fields[0].id_for_label}" if fields else "#main-content", message))
    for field in fields:
        for message in field.errors:
            errors.append((f"#{_first_input_id(field)}", message))
    return errors


def _first_input_id(field: forms.BoundField) -> str:
    # Checkbox and radio groups have no element with the field's own id: link to the first option.
    if field.widget_type in {"checkboxselectmultiple", "radioselect"}:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id
