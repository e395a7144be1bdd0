// Runs queries against serialized lunr indexes with lunr.js + lunr.nl (the vendored copies the site ships).
// Usage: node lunr_search.js VENDOR_DIR INDEXES_JSON QUERIES_JSON
//   INDEXES_JSON holds {name: serialized index}; prints {name: {query: [refs…] or {error}}} as JSON.
const path = require("path");
const fs = require("fs");
const [vendorArg, indexesFile, queriesFile] = process.argv.slice(2);
const vendor = path.resolve(vendorArg);
const lunr = require(path.join(vendor, "lunr", "lunr.min.js"));
require(path.join(vendor, "lunr-languages", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr-languages", "lunr.nl.min.js"))(lunr);
const indexes = JSON.parse(fs.readFileSync(indexesFile, "utf8"));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const found = {};
for (const [name, serialized] of Object.entries(indexes)) {
  const index = lunr.Index.load(serialized);
  found[name] = {};
  for (const query of queries) {
    try {
      found[name][query] = index.search(query).map((result) => result.ref);
    } catch (error) {
      found[name][query] = { error: error.name };
    }
  }
}
process.stdout.write(JSON.stringify(found));
