// Prints node:test-style closing lines ("# pass N", "# fail N") that deploy/test.sh adds to its totals.
class TapSummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    process.stdout.write('# pass ' + results.numPassedTests + '\n# fail ' + failed + '\n');
  }
}

module.exports = TapSummaryReporter;
