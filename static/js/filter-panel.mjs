// On a phone a filter panel (search, tag pages, events) starts folded so the results come
// first; without JavaScript it stays open, so nothing depends on this script.
// 40.0625em is Frontend's tablet breakpoint.
const panel = document.querySelector("details.app-filter-panel");

if (panel && window.matchMedia("(max-width: 40.0525em)").matches) {
  panel.open = false;
}
