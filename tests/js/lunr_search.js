// Runs queries against a serialized lunr index with lunr.js + lunr.nl (the vendored copies the site ships).
// Usage: node lunr_search.js VENDOR_DIR INDEX_JSON QUERIES_JSON  → prints {query: [refs…] or {error}} as JSON.
const path = require("path");
const fs = require("fs");
const [vendorArg, indexFile, queriesFile] = process.argv.slice(2);
const vendor = path.resolve(vendorArg);
const lunr = require(path.join(vendor, "lunr", "lunr.min.js"));
require(path.join(vendor, "lunr-languages", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr-languages", "lunr.nl.min.js"))(lunr);
const index = lunr.Index.load(JSON.parse(fs.readFileSync(indexFile, "utf8")));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const found = {};
for (const query of queries) {
  try {
    found[query] = index.search(query).map((result) => result.ref);
  } catch (error) {
    found[query] = { error: error.name };
  }
}
process.stdout.write(JSON.stringify(found));
