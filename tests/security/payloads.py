"""Hostile strings the attack tests put into every field, and how to tell one got through."""

# Breaks out of an attribute, opens a script, and carries an event handler and a javascript: URL.
XSS = "\"'><script>alert('xss')</script><img src=x onerror=alert(1)><a href=javascript:alert(2)>x</a>"

# What must never appear in a page unescaped.
LIVE_MARKUP = ("<script>alert", "<img src=x onerror", "<a href=javascript:", "onerror=alert(1)>")


def live_markup(html: str) -> list[str]:
    """The pieces of the payload that reached the page as markup (an empty list when all were escaped)."""
    return [piece for piece in LIVE_MARKUP if piece in html]
