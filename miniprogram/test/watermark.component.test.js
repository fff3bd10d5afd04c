/**
 * @jest-environment jsdom
 */
const path = require('path');
const simulate = require('miniprogram-simulate');

describe('watermark component', () => {
  const id = simulate.load(path.join(__dirname, '../components/watermark/index'));

  test('repeats the viewer name and number over the page', () => {
    const comp = simulate.render(id, { text: '李明 T1002' });
    comp.attach(document.createElement('parent-wrapper'));

    const tiles = comp.querySelectorAll('.wm-text');
    expect(tiles.length).toBe(24);
    expect(tiles.every((t) => t.dom.textContent === '李明 T1002')).toBe(true);
  });

  test('renders nothing without text (public content)', () => {
    const comp = simulate.render(id, { text: '' });
    comp.attach(document.createElement('parent-wrapper'));

    expect(comp.querySelector('.wm')).toBeFalsy();
  });

  test('follows a change of viewer', () => {
    const comp = simulate.render(id, { text: '李明 T1002' });
    comp.attach(document.createElement('parent-wrapper'));
    comp.setData({ text: '王建国 T1001' });

    expect(comp.querySelector('.wm-text').dom.textContent).toBe('王建国 T1001');
  });
});
