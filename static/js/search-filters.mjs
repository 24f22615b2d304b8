// Progressive enhancement for the search filters: ticking a box updates the results straight
// away, and the new count is announced through the #result-count live region (which is never
// replaced, only its text, so screen readers hear the change). Without JavaScript, or if a
// request fails, the "Apply filters" button does the same with a full page load.
const form = document.querySelector("form.app-facets");
const results = document.getElementById("search-results");
const count = document.getElementById("result-count");
const panel = document.querySelector("details.app-filter-panel");

// On a phone the filters start folded so the results come first; without JavaScript they stay
// open, so nothing depends on this script. 40.0625em is Frontend's tablet breakpoint.
if (panel && window.matchMedia("(max-width: 40.0525em)").matches) {
  panel.open = false;
}

if (form && results && count && window.fetch && window.DOMParser) {
  let latest = 0;

  form.addEventListener("change", async (event) => {
    if (!event.target.matches('input[type="checkbox"]')) {
      return;
    }
    const request = ++latest;
    const query = new URLSearchParams(new FormData(form)).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    form.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok || request !== latest) {
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      if (request !== latest) {
        return;
      }
      const focusedId = document.activeElement && document.activeElement.id;
      results.replaceChildren(...page.getElementById("search-results").childNodes);
      form.replaceChildren(...page.querySelector("form.app-facets").childNodes);
      count.textContent = page.getElementById("result-count").textContent;
      window.history.replaceState(null, "", url);
      // Facet ids are stable (name and value), so the box just ticked keeps the focus.
      const again = focusedId && document.getElementById(focusedId);
      if (again) {
        again.focus();
      }
    } catch {
      // The Apply filters button still works: nothing to do.
    } finally {
      if (request === latest) {
        form.removeAttribute("aria-busy");
      }
    }
  });
}
