"""GOV.UK pagination's page numbers: first, last, the current page and its neighbours."""

from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory

from home.templatetags.govuk_pagination import page_items


def items(pages: int, current: int) -> list[int | None]:
    return list(page_items(Paginator(range(pages * 20), 20).page(current)))


def test_a_long_listing_links_the_ends_and_the_neighbours_only():
    assert items(500, 1) == [1, 2, None, 500]
    assert items(500, 250) == [1, None, 249, 250, 251, None, 500]
    assert items(500, 500) == [1, None, 499, 500]


def test_a_short_listing_links_every_page():
    assert items(5, 3) == [1, 2, 3, 4, 5]
    assert items(1, 1) == [1]


def test_the_template_marks_the_current_page_and_the_gaps():
    page = Paginator(range(500 * 20), 20).page(250)
    request = RequestFactory().get("/resources/?type=practice-guidance&page=250")
    html = Template('{% include "components/pagination.html" with page_obj=page %}').render(
        RequestContext(request, {"page": page})
    )
    assert html.count('class="govuk-pagination__item govuk-pagination__item--ellipses"') == 2
    assert 'aria-current="page">250<' in html and ">500<" in html and ">249<" in html and ">251<" in html
    assert ">2<" not in html and ">499<" not in html
    assert 'href="?type=practice-guidance&amp;page=251"' in html
