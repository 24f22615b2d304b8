// Compiles static/scss/exchange.scss (GOV.UK Frontend, themed without GOV.UK branding) into
// static/dist/, and copies the few Frontend files the pages load. Nothing here is committed:
// static/dist/ is git-ignored and rebuilt by `make assets` from the pinned package-lock.json.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const frontend = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = join(root, "static", "dist");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "govuk", "assets"), { recursive: true });

const compiled = [];
for (const name of ["exchange", "print"]) {
  const result = sass.compile(join(root, "static", "scss", `${name}.scss`), {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    // Frontend's own deprecation notices are not ours to fix.
    quietDeps: true,
  });
  writeFileSync(join(out, `${name}.css`), result.css);
  compiled.push(result.css);
}

// Frontend's components point at its own images and fonts (the footer's crest, for one). Copy
// exactly the files the compiled CSS references, so every url() resolves and collectstatic's
// manifest can hash them; a reference to a file Frontend does not ship stops the build.
const assetsUrl = "/static/dist/govuk/assets/";
for (const css of compiled) {
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    const ref = match[1].split(/[?#]/)[0];
    if (ref.startsWith("data:")) continue;
    if (!ref.startsWith(assetsUrl)) {
      throw new Error(`The compiled CSS references ${ref}, outside ${assetsUrl}: add it to the build.`);
    }
    const source = join(frontend, "assets", ref.slice(assetsUrl.length));
    if (!existsSync(source)) throw new Error(`The compiled CSS references ${ref}, which Frontend does not ship.`);
    const target = join(out, "govuk", "assets", ref.slice(assetsUrl.length));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
  }
}

// The ES module build: initAll is imported by static/js/govuk-init.mjs.
cpSync(join(frontend, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
console.log(`Built ${out}`);
