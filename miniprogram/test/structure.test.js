// What WeChat Developer Tools needs to open the folder as it is.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const app = JSON.parse(read('app.json'));

function sourceFiles(dir) {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(js|wxml)$/.test(e.name) ? [rel] : [];
  });
}

describe('project structure', () => {
  test('project.config.json opens with the placeholder AppID', () => {
    const config = JSON.parse(read('project.config.json'));
    expect(config.appid).toBe('touristappid');
    expect(config.compileType).toBe('miniprogram');
  });

  test.each(app.pages)('%s has its .js, .json, .wxml and .wxss', (page) => {
    ['js', 'json', 'wxml', 'wxss'].forEach((ext) => expect(fs.existsSync(path.join(ROOT, page + '.' + ext))).toBe(true));
    expect(() => JSON.parse(read(page + '.json'))).not.toThrow();
  });

  test('every page folder is listed in app.json', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'pages')).map((p) => 'pages/' + p + '/index');
    expect(folders.sort()).toEqual(app.pages.slice().sort());
  });

  test('tab bar pages exist', () => {
    app.tabBar.list.forEach((tab) => expect(app.pages).toContain(tab.pagePath));
  });

  test('source avoids syntax older WeChat base libraries reject (?. and ??)', () => {
    const offenders = ['app.js', ...sourceFiles('pages'), ...sourceFiles('logic'), ...sourceFiles('api'), ...sourceFiles('config'), ...sourceFiles('components')]
      .filter((f) => f.endsWith('.js'))
      .filter((f) => /\?\.|\?\?/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  test('pages showing internal content carry the watermark', () => {
    ['notice-detail', 'activity-detail', 'meeting-detail', 'minutes', 'attendance', 'notice-stats'].forEach((p) =>
      expect(read('pages/' + p + '/index.wxml')).toContain('<watermark text="{{watermark}}" />'),
    );
  });
});
