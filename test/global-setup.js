// Bundle, playground and browser tests run build/: build it once when it is missing or older than its sources.
const { buildIfStale } = require('../build-tools/build-if-stale');

module.exports = async function globalSetup() {
  buildIfStale();
};
