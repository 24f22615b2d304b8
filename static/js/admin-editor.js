/*
 * The page editor, where Wagtail 8's autosave says something untrue (loaded on every page editor
 * by resources/wagtail_hooks.py).
 *
 * 1. A page never saved is not autosaved until it has a title (and the slug made from it). Wagtail
 *    posts the form at the first change and, with no title yet, says "Autosave is paused – There
 *    are validation errors, click save to highlight them" while the editor is still filling the
 *    form in. Holding the save back says nothing instead; the first change once a title is there
 *    saves it (and creates the page).
 */
(() => {
  "use strict";

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
})();
