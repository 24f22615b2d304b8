// Progressive enhancement for the search filters: ticking a box updates the results straight
// away, and the new count is announced through the #result-count live region (which is never
// replaced, only its text, so screen readers hear the change). The filter form itself is never
// rebuilt, only its numbers and links, so a keyboard user tabbing through it keeps their place.
// Without JavaScript, or if a request fails, the "Apply filters" button does the same with a
// full page load. Folding the panel on phones is filter-panel.mjs.
import "./filter-panel.mjs";

const form = document.querySelector("form.app-facets");
const results = document.getElementById("search-results");
const count = document.getElementById("result-count");

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
      results.replaceChildren(...page.getElementById("search-results").childNodes);
      count.textContent = page.getElementById("result-count").textContent;
      // Facet ids are stable (facet name and value): refresh each option's count and each
      // "Exclude" link in place. An option the new results no longer carry now counts 0.
      form.querySelectorAll(".govuk-checkboxes__input").forEach((input) => {
        const label = form.querySelector(`label[for="${CSS.escape(input.id)}"] .app-count`);
        const fresh = page.querySelector(`label[for="${CSS.escape(input.id)}"] .app-count`);
        if (label) {
          label.textContent = fresh ? fresh.textContent : "(0)";
        }
      });
      form.querySelectorAll(".app-filter-panel__exclude").forEach((link) => {
        const fresh = page.getElementById(link.id);
        if (fresh) {
          link.setAttribute("href", fresh.getAttribute("href"));
        }
      });
      window.history.replaceState(null, "", url);
    } catch {
      // The Apply filters button still works: nothing to do.
    } finally {
      if (request === latest) {
        form.removeAttribute("aria-busy");
      }
    }
  });
}
