// GOV.UK Frontend's start-up, as a module file rather than the usual inline snippet so the
// Content-Security-Policy can forbid inline scripts. Browsers without ES modules never run
// this, so they keep the no-JavaScript versions of every component.
import { initAll } from "../dist/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
