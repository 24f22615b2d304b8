// Printing a tool or template: shows the Print button (it stays hidden without JavaScript,
// where the browser's own print command does the same), and writes each link's full address
// into data-print-href for print.css, since a printed "/boroughs/camden/" says nothing about
// which site it is on. A module file rather than an inline handler, for the CSP.
for (const button of document.querySelectorAll(".app-print-button")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

for (const link of document.querySelectorAll("main a[href]")) {
  const raw = link.getAttribute("href");
  if (!raw.startsWith("#") && !raw.startsWith("mailto:") && raw !== link.href) {
    link.dataset.printHref = link.href;
  }
}
