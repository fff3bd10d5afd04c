// A faint, repeated "name number" over internal and committee content, to discourage screenshots
// leaving the organisation. It does not catch taps (pointer-events: none).
const TILES = 24;

Component({
  properties: {
    text: { type: String, value: '' },
  },
  data: {
    tiles: Array.from({ length: TILES }, (_, i) => i),
  },
});
