// Internal (党内) and committee (支委) content carries a faint watermark of who is looking.

const LEVELS = {
  Public: '公开',
  Internal: '党内',
  Committee: '支委',
};

function needsWatermark(visibility) {
  return visibility === 'Internal' || visibility === 'Committee';
}

/** "李明 T1002" for internal and committee content, '' otherwise. */
function watermarkText(visibility, member) {
  if (!needsWatermark(visibility) || !member) return '';
  return [member.name, member.number].filter(Boolean).join(' ');
}

function levelLabel(visibility) {
  return LEVELS[visibility] || '';
}

module.exports = { LEVELS, needsWatermark, watermarkText, levelLabel };
