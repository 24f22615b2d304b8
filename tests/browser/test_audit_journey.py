"""A case audit end to end, as its people do it in Chromium: a coordinator builds a tool and sets up
a round for three boroughs; each borough's audit lead accepts; auditors enter returns in the form
or import them from a spreadsheet; a borough's auditor reads the pooled findings, where a borough
with fewer than 5 returns shows "fewer than 5", and the page passes axe."""

import datetime
import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.admin import current_code
from tests.browser.checks import axe_violations
from tests.browser.seed import AUDIT_ACCOUNTS, AUDIT_PASSWORD

TOOL, ROUND, SLUG = (
    "Strategy discussion spot check",
    "Strategy discussion spot check, browser round",
    "browser-spot-check",
)


def _signed_in(browser: Browser, args: dict, username: str) -> Page:
    page = browser.new_context(**args).new_page()
    page.goto("/admin/login/")
    page.get_by_label(re.compile("username", re.I)).fill(username)
    page.get_by_label(re.compile("password", re.I)).fill(AUDIT_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.get_by_label(re.compile("code", re.I)).fill(current_code(AUDIT_ACCOUNTS[username][1]))
    page.get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/login/|/2fa/"))
    return page


def _build_tool_and_round(page: Page) -> None:
    page.goto("/admin/snippets/audits/audittool/add/")
    page.locator("[name=title]").fill(TOOL)
    page.locator("[name=slug]").fill("spot-check")
    for index, (code, kind, text) in enumerate(
        [("sd-01", "rating", "How good was the strategy discussion?"), ("sd-02", "yes-no", "Did health take part?")]
    ):
        page.get_by_role("button", name="Add question").click()
        page.locator(f"[name=questions-{index}-section]").fill("Strategy discussion")
        page.locator(f"[name=questions-{index}-code]").fill(code)
        page.locator(f"[name=questions-{index}-text]").fill(text)
        page.locator(f"[name=questions-{index}-kind]").select_option(kind)
        if kind == "rating":
            page.locator(f"[name=questions-{index}-scale]").select_option(label="Good to inadequate")
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(re.compile(f"{TOOL}.*created", re.I))).to_be_visible()

    page.goto("/admin/audits/rounds/new/")
    page.locator("[name=title]").fill(ROUND)
    page.locator("[name=slug]").fill(SLUG)
    page.locator("[name=opens_on]").fill("2026-01-01")
    page.locator("[name=closes_on]").fill("2099-12-31")  # open until the coordinator closes it
    page.locator("[name=target_cases]").fill("6")
    page.locator("[name=tool]").select_option(label=TOOL)
    for borough in ("Greenwich", "Ealing", "Enfield"):
        page.get_by_label(borough, exact=True).check()
    page.get_by_role("button", name="Save round").click()
    expect(page.get_by_text(f"“{ROUND}” saved")).to_be_visible()


def _open_round(page: Page) -> None:
    page.goto("/admin/audits/")
    page.get_by_role("link", name=ROUND).click()


def _accept(page: Page, named: bool) -> None:
    _open_round(page)
    page.get_by_label("Yes, we will audit cases").check()
    if named:
        page.get_by_label("Name our borough to the other boroughs taking part").check()
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_text("Your borough's answer is saved.")).to_be_visible()


def _enter_returns(page: Page, answers: list[tuple[str, str]]) -> None:
    for rating, health in answers:
        _open_round(page)
        page.get_by_role("button", name="Add a return").click()
        page.locator(f"input[name=sd-01][value={rating}]").check()
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_text("1 of 2 answered")).to_be_visible()
        page.locator(f"input[name=sd-02][value={health}]").check()
        page.get_by_role("button", name="Submit and lock").click()
        expect(page.get_by_text(re.compile(r"Case \d+ is submitted and locked"))).to_be_visible()


def test_a_round_from_tool_to_pooled_findings(browser: Browser, browser_context_args: dict, artifacts, tmp_path):
    args = browser_context_args
    coordinator = _signed_in(browser, args, "audit-coordinator-test")
    _build_tool_and_round(coordinator)

    for lead, named in (
        ("greenwich-audit-lead-test", True),
        ("ealing-audit-lead-test", False),
        ("enfield-audit-lead-test", False),
    ):
        page = _signed_in(browser, args, lead)
        _accept(page, named)
        page.context.close()

    greenwich = _signed_in(browser, args, "greenwich-auditor-test")
    _enter_returns(
        greenwich, [("good", "yes"), ("good", "no"), ("adequate", "yes"), ("good", "yes"), ("inadequate", "no")]
    )

    ealing = _signed_in(browser, args, "ealing-auditor-test")
    _open_round(ealing)
    spreadsheet = tmp_path / "ealing.csv"
    rows = [
        "sd-01,sd-02",
        "Good,Yes",
        "Adequate,No",
        "Good,Partly",
        "Requires improvement,Yes",
        "Good,Yes",
        "Adequate,Yes",
    ]
    spreadsheet.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    ealing.locator("input[name=file]").set_input_files(str(spreadsheet))
    ealing.get_by_role("button", name="Import").click()
    expect(ealing.get_by_text("Added 6 returns (6 submitted)")).to_be_visible()
    ealing.context.close()

    enfield = _signed_in(browser, args, "enfield-auditor-test")
    _enter_returns(enfield, [("adequate", "yes"), ("good", "yes")])
    enfield.context.close()

    # While a round is open its figures are the coordinator's only; the coordinator closes it.
    greenwich.goto(f"/audits/{SLUG}/")
    expect(greenwich.get_by_text("The pooled figures appear here when the round closes")).to_be_visible()
    coordinator.goto("/admin/audits/")
    coordinator.get_by_role("link", name=ROUND).click()
    coordinator.locator("[name=closes_on]").fill((datetime.date.today() - datetime.timedelta(days=1)).isoformat())
    coordinator.get_by_role("button", name="Save round").click()
    expect(coordinator.get_by_text(f"“{ROUND}” saved")).to_be_visible()

    greenwich.goto(f"/audits/{SLUG}/")
    expect(greenwich.get_by_role("heading", name=ROUND, level=1)).to_be_visible()
    table = greenwich.get_by_role("table").first
    expect(table.get_by_role("row", name=re.compile("Greenwich \\(yours\\)"))).to_be_visible()
    # Enfield did not agree to be named and has 2 returns: a letter, and nothing but "fewer than 5".
    lettered = table.get_by_role("row", name=re.compile(r"^Borough [A-Z]+ "))
    expect(lettered.first).to_be_visible()
    expect(table.get_by_text("fewer than 5").first).to_be_visible()
    expect(greenwich.locator("figure svg[role=img]").first).to_be_visible()
    greenwich.screenshot(path=str(artifacts / "audit-findings.png"), full_page=True)
    count, report = axe_violations(greenwich)
    assert count == 0, report
    greenwich.context.close()
    coordinator.context.close()
