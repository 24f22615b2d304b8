// Progressive enhancement for the search filters: ticking a box updates the results straight
// away and makes a history entry (Back and Forward bring back the results and the ticks), and
// the new count is announced through the #result-count live region (which is never replaced,
// only its text, so screen readers hear the change). The form element itself is kept and the
// focused box is focused again after its group is refreshed, so a keyboard user keeps their
// place. On a phone a "Show N results" button jumps from the filters back to the results.
// Without JavaScript, or if a request fails, the "Apply filters" button does the same with a
// full page load. Folding the panel on phones is filter-panel.mjs.
import "./filter-panel.mjs";

const form = document.querySelector("form.app-facets");
const results = document.getElementById("search-results");
const count = document.getElementById("result-count");
const groups = form && form.querySelector(".app-facets__groups");
const show = form && form.querySelector(".app-show-results");

function urlFor(target) {
  const query = new URLSearchParams(new FormData(target)).toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}`;
}

function showCount(page) {
  const fresh = page.querySelector(".app-show-results");
  if (show && fresh) {
    show.textContent = fresh.textContent;
  }
}

// The filter groups of the newest answer, held while a keyboard user is still inside them.
let pendingGroups = null;

function swapGroups(freshGroups) {
  const opened = [...groups.querySelectorAll("details[open]")].map((d) => d.dataset.facet);
  groups.replaceChildren(...freshGroups.childNodes);
  for (const name of opened) {
    const details = groups.querySelector(`details[data-facet="${CSS.escape(name)}"]`);
    if (details) {
      details.open = true;
    }
  }
}

// Swap in the fresh page's results, count and filter groups; the focused box is focused again
// and folded topics stay open. If the box someone has tabbed to would vanish (no results left
// for it), the groups wait until focus leaves them: swapping then would drop their focus and
// their place. Back and Forward (restoring) always swap, so the ticks match the address.
function apply(page, restoring = false) {
  results.replaceChildren(...page.getElementById("search-results").childNodes);
  count.textContent = page.getElementById("result-count").textContent;
  const freshGroups = page.querySelector(".app-facets__groups");
  if (groups && freshGroups) {
    const focused = groups.contains(document.activeElement) ? document.activeElement.id : "";
    if (focused && !restoring && !freshGroups.querySelector(`#${CSS.escape(focused)}`)) {
      pendingGroups = freshGroups;
    } else {
      pendingGroups = null;
      swapGroups(freshGroups);
      const again = focused && document.getElementById(focused);
      if (again) {
        again.focus();
      }
    }
  }
  showCount(page);
}

if (groups) {
  groups.addEventListener("focusout", (event) => {
    if (pendingGroups && !groups.contains(event.relatedTarget)) {
      const fresh = pendingGroups;
      pendingGroups = null;
      swapGroups(fresh);
    }
  });
}

if (form && results && count && groups && window.fetch && window.DOMParser) {
  let latest = 0;

  const load = async (url, restoring = false) => {
    const request = ++latest;
    form.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) {
        throw new Error(`search answered ${response.status}`);
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      // A later tick (or Back) has asked since: its answer is the one to show.
      if (request === latest) {
        apply(page, restoring);
      }
    } finally {
      if (request === latest) {
        form.removeAttribute("aria-busy");
      }
    }
  };

  // This entry is ours too, so coming Back to it restores it.
  window.history.replaceState({ searchFilters: true }, "", window.location.href);

  form.addEventListener("change", async (event) => {
    if (!event.target.matches('input[type="checkbox"]')) {
      return;
    }
    const url = urlFor(form);
    // The address changes with the tick, not when the results arrive: each step is an entry.
    window.history.pushState({ searchFilters: true }, "", url);
    try {
      await load(url);
    } catch {
      // The Apply filters button still works: nothing to do.
    }
  });

  window.addEventListener("popstate", async (event) => {
    if (!event.state || !event.state.searchFilters) {
      return;
    }
    try {
      await load(window.location.href, true);
    } catch {
      window.location.reload();
    }
  });

  if (show) {
    show.hidden = false;
    show.addEventListener("click", () => {
      const panel = form.closest("details");
      if (panel && window.matchMedia("(max-width: 40.0525em)").matches) {
        panel.open = false;
      }
      count.focus();
      count.scrollIntoView({ block: "start" });
    });
  }
}
