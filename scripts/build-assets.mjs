// Compiles static/scss/exchange.scss (GOV.UK Frontend, themed without GOV.UK branding) into
// static/dist/, and copies the few Frontend files the pages load. Nothing here is committed:
// static/dist/ is git-ignored and rebuilt by `make assets` from the pinned package-lock.json.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const frontend = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = join(root, "static", "dist");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "govuk", "assets"), { recursive: true });

for (const name of ["exchange", "print"]) {
  const result = sass.compile(join(root, "static", "scss", `${name}.scss`), {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    // Frontend's own deprecation notices are not ours to fix.
    quietDeps: true,
  });
  writeFileSync(join(out, `${name}.css`), result.css);
}

// The ES module build: initAll is imported by static/js/govuk-init.mjs.
cpSync(join(frontend, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
console.log(`Built ${out}`);
