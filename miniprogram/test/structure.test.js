// What WeChat Developer Tools needs to open the folder as it is, and what WeChat accepts on upload.
const fs = require('fs');
const path = require('path');
const { pagePaths } = require('./harness');

const ROOT = path.join(__dirname, '..');
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
// A page refreshes on pull-down with its own handler or a shared one: logic/paged-list, secretary.pagedList or
// logic/page-handlers' refresh.
const REFRESHES = /onPullDownRefresh|paged-list|secretary\.pagedList\(|pageHandlers\.refresh\b/;
const app = JSON.parse(read('app.json'));
const project = JSON.parse(read('project.config.json'));
const subPackages = app.subPackages || [];

// WeChat's limits on an uploaded mini-program with subpackages: the main package and each subpackage at most
// 2 MB, all of them together at most 20 MB (WeChat's 分包加载 documentation).
const MAIN_LIMIT = 2 * 1024 * 1024;
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

/** Every file the developer tools would upload: the folder minus packOptions.ignore (and dot files), as paths relative to the root. */
function packagedFiles(dir) {
  const ignored = project.packOptions.ignore;
  const skip = (rel, isDir) =>
    path.basename(rel).startsWith('.') ||
    ignored.some((i) => i.value === rel && i.type === (isDir ? 'folder' : 'file'));
  return fs.readdirSync(path.join(ROOT, dir || '.'), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? dir + '/' + e.name : e.name;
    if (skip(rel, e.isDirectory())) return [];
    return e.isDirectory() ? packagedFiles(rel) : [rel];
  });
}

function sizeOf(files) {
  return files.reduce((sum, f) => sum + fs.statSync(path.join(ROOT, f)).size, 0);
}

const kb = (bytes) => Math.round(bytes / 1024) + ' KB';

describe('project structure', () => {
  test('project.config.json opens with the placeholder AppID', () => {
    expect(project.appid).toBe('touristappid');
    expect(project.compileType).toBe('miniprogram');
  });

  test.each(pagePaths())('%s has its .js, .json, .wxml and .wxss', (page) => {
    ['js', 'json', 'wxml', 'wxss'].forEach((ext) => expect(fs.existsSync(path.join(ROOT, page + '.' + ext))).toBe(true));
    expect(() => JSON.parse(read(page + '.json'))).not.toThrow();
  });

  test('every page folder of the main package is listed in app.json', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'pages')).map((p) => 'pages/' + p + '/index');
    expect(folders.sort()).toEqual(app.pages.slice().sort());
  });

  test.each(subPackages.map((p) => p.root))('every page folder of subpackage %s is listed in app.json', (root) => {
    const sub = subPackages.filter((p) => p.root === root)[0];
    const listed = sub.pages.map((p) => root + '/' + p);
    const onDisk = packagedFiles(root).filter((f) => /\/index\.wxml$/.test(f)).map((f) => f.replace(/\.wxml$/, ''));
    expect(onDisk.sort()).toEqual(listed.slice().sort());
  });

  test('tab bar pages exist in the main package', () => {
    app.tabBar.list.forEach((tab) => expect(app.pages).toContain(tab.pagePath));
  });

  test('source avoids syntax older WeChat base libraries reject (?. and ??)', () => {
    const offenders = packagedFiles('')
      .filter((f) => f.endsWith('.js'))
      .filter((f) => /\?\.|\?\?/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  test('a subpackage uses only its own files and the main package, never another subpackage', () => {
    const roots = subPackages.map((p) => p.root.replace(/\/$/, ''));
    const crossings = [];
    roots.forEach((root) => {
      packagedFiles(root).filter((f) => f.endsWith('.js')).forEach((f) => {
        const re = /require\(['"]([^'"]+)['"]\)/g;
        let m;
        while ((m = re.exec(read(f)))) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]));
          const other = roots.filter((r) => r !== root && target.startsWith(r + '/'))[0];
          if (other) crossings.push(f + ' → ' + m[1]);
        }
      });
    });
    expect(crossings).toEqual([]);
  });

  test('the main package stays within WeChat\'s 2 MB, each subpackage too, the whole app within 20 MB', () => {
    const all = packagedFiles('');
    const roots = subPackages.map((p) => p.root.replace(/\/$/, '') + '/');
    const main = all.filter((f) => !roots.some((r) => f.startsWith(r)));
    const sizes = { main: sizeOf(main) };
    roots.forEach((r) => (sizes[r] = sizeOf(all.filter((f) => f.startsWith(r)))));

    expect(main).toContain('app.json');
    expect(main).not.toContain('package.json');
    expect(main.some((f) => f.startsWith('test/') || f.startsWith('node_modules/'))).toBe(false);
    expect({ main: kb(sizes.main), withinLimit: sizes.main <= MAIN_LIMIT }).toEqual({ main: kb(sizes.main), withinLimit: true });
    roots.forEach((r) => expect({ [r]: kb(sizes[r]), withinLimit: sizes[r] <= SUBPACKAGE_LIMIT }).toEqual({ [r]: kb(sizes[r]), withinLimit: true }));
    expect(sizeOf(all)).toBeLessThanOrEqual(TOTAL_LIMIT);
  });

  test('secretary pages are in the secretary subpackage, not in what every member downloads', () => {
    const secretary = subPackages.filter((p) => p.root === 'pkg-secretary')[0];
    expect(secretary.pages).toEqual(expect.arrayContaining(['notice-compose/index', 'meeting-create/index', 'activity-create/index', 'compliance/index']));
    ['notice-compose', 'meeting-create', 'activity-create', 'compliance'].forEach((p) => expect(fs.existsSync(path.join(ROOT, 'pages', p))).toBe(false));
  });

  test.each(pagePaths().filter((p) => /paged-list|secretary\.pagedList\(/.test(read(p + '.js'))))('list page %s pulls to refresh and says when there is no more', (page) => {
    expect(JSON.parse(read(page + '.json')).enablePullDownRefresh).toBe(true);
    expect(read(page + '.wxml')).toContain('没有更多了');
  });

  test.each(pagePaths().filter((p) => REFRESHES.test(read(p + '.js'))))('%s, which refreshes on pull-down, has pull-down switched on', (page) => {
    expect(JSON.parse(read(page + '.json')).enablePullDownRefresh).toBe(true);
  });

  test('every page that lists things refreshes on pull-down', () => {
    const lists = pagePaths().filter((p) => /wx:for=/.test(read(p + '.wxml')) && !/(create|compose|edit|checkin|bind|workbench|poll\/|appraisal\/|dues\/|settings|home|brand-edit|member\/|resolutions|transfer-letter|-detail|minutes|notice-stats)/.test(p));
    expect(lists.filter((p) => !REFRESHES.test(read(p + '.js')))).toEqual([]);
  });

  test('the list pages of the main package all page through paged-list', () => {
    ['notices', 'inbox', 'activities', 'meetings'].forEach((p) => expect(read('pages/' + p + '/index.js')).toContain("require('../../logic/paged-list')"));
  });

  test('pages showing internal content carry the watermark', () => {
    ['pages/notice-detail', 'pages/activity-detail', 'pages/meeting-detail', 'pages/minutes', 'pkg-secretary/attendance', 'pkg-secretary/notice-stats'].forEach((p) =>
      expect(read(p + '/index.wxml')).toContain('<watermark text="{{watermark}}" />'),
    );
  });
});
