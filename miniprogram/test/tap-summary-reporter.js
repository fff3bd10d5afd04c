// Prints node:test-style closing lines ("# pass N", "# fail N", "# skipped N") that deploy/test.sh adds to its
// totals; it counts skipped and todo tests as failed.
class TapSummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    const skipped = results.numPendingTests + (results.numTodoTests || 0);
    process.stdout.write('# pass ' + results.numPassedTests + '\n# fail ' + failed + '\n# skipped ' + skipped + '\n');
  }
}

module.exports = TapSummaryReporter;
