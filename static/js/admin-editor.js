/*
 * The page editor, where Wagtail 8's autosave says something untrue (loaded on every page editor
 * by resources/wagtail_hooks.py).
 *
 * 1. A page never saved is not autosaved until it has a title (and the slug made from it). Wagtail
 *    posts the form at the first change and, with no title yet, says "Autosave is paused – There
 *    are validation errors, click save to highlight them" while the editor is still filling the
 *    form in. Holding the save back says nothing instead; the first change once a title is there
 *    saves it (and creates the page).
 *
 * 2. The tabs' error counts are counted once, when the editor opens. They follow the form now:
 *    an error under a field goes once that field is changed, and after each autosave the
 *    personal-data check panel is read again for the draft just saved (its "must remove" box
 *    counts as an error), so neither the panel nor the badge describes a draft that is gone. For
 *    that, a fix has to be autosaved at all: two gaps in Wagtail's change watcher are closed below
 *    (edits made while a save is on its way, and edits after a refused save, were never saved).
 */
(() => {
  "use strict";

  const editForm = () => document.querySelector("form[data-edit-form]");
  const isNewPage = (form) => /\/pages\/add\//.test(new URL(form.action, window.location.href).pathname);

  document.addEventListener(
    "w-autosave:save",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches("[data-edit-form]") || !isNewPage(form)) return;
      const title = form.elements.namedItem("title");
      const slug = form.elements.namedItem("slug");
      const hold = () => {
        event.preventDefault(); // Wagtail's autosave skips a cancelled save
        event.stopImmediatePropagation(); // and the header's indicator never says "Saving…" for it
      };
      if (title && !title.value.trim()) {
        hold();
      } else if (title && slug && !slug.value.trim()) {
        // A typed title fills the slug key by key; a pasted one only when the field is left. Fill it
        // now (Wagtail's own title-to-slug sync): that change is what the next autosave saves.
        hold();
        title.dispatchEvent(new Event("change", { bubbles: true }));
      }
    },
    true,
  );

  const changeWatcher = () => {
    const form = editForm();
    const app = window.wagtail && window.wagtail.app;
    return form && app ? app.getControllerForElementAndIdentifier(form, "w-unsaved") : null;
  };

  // When a save comes back, Wagtail takes the form as it is then as "unchanged": whatever was typed
  // while the save was on its way (a new page's first save takes a second or more) was neither
  // saved nor saved later, and leaving the page did not warn. Compare with what was sent instead.
  let sent = null;
  document.addEventListener("w-autosave:save", (event) => {
    const watcher = changeWatcher();
    sent = watcher && !event.defaultPrevented ? watcher.formData : null;
  });
  document.addEventListener("w-autosave:success", () => {
    const watcher = changeWatcher();
    if (watcher && sent !== null && watcher.formData !== sent) watcher.initialFormData = sent;
    sent = null;
  });

  // After a save that was refused (a required field, the personal-data check), Wagtail re-renders
  // the editor marked as holding unsaved changes; its change watcher then never starts, so the
  // forced autosave that follows is the last one: a fix typed afterwards was neither saved nor
  // warned about on leaving, while the header said "Saved". Start the watcher once that save is in.
  document.addEventListener("w-unsaved:clear", () => {
    const watcher = changeWatcher();
    if (watcher && !watcher.checkInterval && !watcher.forceValue) {
      watcher.checkIntervalValueChanged(watcher.checkIntervalValue);
    }
  });

  const recount = () => {
    const app = window.wagtail && window.wagtail.app;
    if (!app) return;
    document.querySelectorAll('[data-controller~="w-count"]').forEach((element) => {
      const counter = app.getControllerForElementAndIdentifier(element, "w-count");
      if (counter) counter.count();
    });
  };

  const clearFieldErrors = (event) => {
    const field = event.target instanceof Element && event.target.closest("[data-field]");
    if (!field || !field.classList.contains("w-field--error")) return;
    const errors = field.querySelector(":scope > [data-field-errors]");
    if (errors) errors.replaceChildren();
    field.classList.remove("w-field--error");
    recount();
  };
  document.addEventListener("input", clearFieldErrors);
  document.addEventListener("change", clearFieldErrors);

  const refreshGuardPanel = async () => {
    const form = editForm();
    const panel = document.querySelector("[data-guard-panel-url]");
    const match = form && /\/pages\/(\d+)\/edit\//.exec(new URL(form.action, window.location.href).pathname);
    if (!panel || !match) return;
    const url = panel.dataset.guardPanelUrl.replace("/0/", `/${match[1]}/`);
    const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (!response.ok || response.redirected) return; // signed out meanwhile: keep the panel as it is
    const template = document.createElement("template");
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.firstElementChild;
    if (fresh) panel.replaceWith(fresh);
    recount();
  };
  document.addEventListener("w-autosave:success", () => {
    refreshGuardPanel().catch(() => {}); // the panel as it was is still right about the last full save
  });
})();
