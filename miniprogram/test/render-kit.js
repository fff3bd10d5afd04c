// Renders a page's WXML with miniprogram-simulate from the data its logic produced (what the phone shows). For test
// files that run under `@jest-environment jsdom`.
const fs = require('fs');
const path = require('path');
const simulate = require('miniprogram-simulate');
const { resolvePage } = require('./harness');

const ROOT = path.join(__dirname, '..');
const watermarkId = simulate.load(path.join(ROOT, 'components/watermark/index'));

/** The rendered page component (its `dom` is what the phone shows). */
function render(pageName, data) {
  const template = fs.readFileSync(path.join(ROOT, resolvePage(pageName) + '.wxml'), 'utf8');
  const comp = simulate.render(simulate.load({ template, usingComponents: { watermark: watermarkId } }));
  comp.attach(document.createElement('parent-wrapper'));
  comp.setData(JSON.parse(JSON.stringify(data)));
  return comp;
}

/** The rendered page's text, white space folded. */
function text(pageName, data) {
  return render(pageName, data).dom.textContent.replace(/\s+/g, ' ');
}

/** Opens 我的, expects its rendered text to show the entry `label`, and taps that entry (which navigates to `url`). */
async function openFromMe(app, label, url) {
  const me = await app.open('me');
  expect(text('me', me.data)).toContain(label);
  me.open({ currentTarget: { dataset: { url } } });
}

module.exports = { render, text, openFromMe };
