// Debian's headless Chromium, launched one way for every viewer drive.
"use strict";
const { chromium } = require("playwright-core");

// Chromium's own choice here is SwiftShader's WebGL; naming it with
// --use-angle=swiftshader makes each WebGL context take a second.
function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
}

// A page of the viewer's usual size whose script errors land in `errors`.
async function newPage(browser, errors) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("pageerror", e => errors.push(String(e)));
  return page;
}

module.exports = { launch, newPage };
