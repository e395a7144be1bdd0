// Runs the browser's matcher (generator/assets/broker/match.js) in node over match data and asks.
// Usage: node broker_match.js VENDOR_DIR MATCH_JS DATA_JSON ASKS_JSON  → JSON list of result lists
const path = require("path");
const fs = require("fs");
const vendor = path.resolve(process.argv[2]);
const lunr = require(path.join(vendor, "lunr", "lunr.min.js"));
require(path.join(vendor, "lunr-languages", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr-languages", "lunr.nl.min.js"))(lunr);
const AtlasMatch = require(path.resolve(process.argv[3]))(lunr);
const matcher = new AtlasMatch.Matcher(JSON.parse(fs.readFileSync(process.argv[4], "utf8")));
const asks = JSON.parse(fs.readFileSync(process.argv[5], "utf8"));
const out = asks.map((item) => ({
  recognised: matcher.recognise(item.ask.text),
  results: matcher.match(item.ask, { limit: item.limit, kinds: item.kinds }),
}));
process.stdout.write(JSON.stringify(out));
