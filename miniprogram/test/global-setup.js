// Starts the API once for every e2e test file; SB_API_URL points the tests at a server already running (and
// SB_PAY_EMULATOR_URL at its WeChat Pay emulator, started with WeChatPay__EmulatorPort).
const { startApi } = require('./api-server');

module.exports = async function globalSetup() {
  if (process.env.SB_API_URL) return;
  const server = await startApi();
  globalThis.__SB_API__ = server;
  process.env.SB_API_URL = server.baseUrl;
  process.env.SB_PAY_EMULATOR_URL = server.payEmulatorUrl;
};
