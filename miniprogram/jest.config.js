// Unit and page tests run against a wx shim; test/e2e*.test.js drive the pages through the real API,
// started once by test/global-setup.js. E2E_FEATURES=0 leaves out the feature walk-throughs;
// E2E=0 skips the API altogether for quick runs.
const e2e = process.env.E2E !== '0';
const features = e2e && process.env.E2E_FEATURES !== '0';

const ignored = ['/node_modules/'];
if (!e2e) ignored.push('/test/e2e');
if (!features) ignored.push('/test/e2e-features');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.js'],
  testPathIgnorePatterns: ignored,
  testTimeout: 30000,
  maxWorkers: 2,
  globalSetup: e2e ? '<rootDir>/test/global-setup.js' : undefined,
  globalTeardown: e2e ? '<rootDir>/test/global-teardown.js' : undefined,
  reporters: ['default', '<rootDir>/test/tap-summary-reporter.js'],
};
