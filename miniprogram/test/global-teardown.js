const { stopApi } = require('./api-server');

module.exports = async function globalTeardown() {
  await stopApi(globalThis.__SB_API__);
};
