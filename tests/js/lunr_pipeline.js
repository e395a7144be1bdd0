// Prints what lunr.nl's trimmer, stop word filter and stemmer make of each word: [trimmed, kept, stemmed].
// Usage: node lunr_pipeline.js VENDOR_DIR WORDS_JSON
const path = require("path");
const fs = require("fs");
const vendor = path.resolve(process.argv[2]);
const lunr = require(path.join(vendor, "lunr", "lunr.min.js"));
require(path.join(vendor, "lunr-languages", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr-languages", "lunr.nl.min.js"))(lunr);
const words = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const out = words.map((word) => {
  const trimmed = lunr.nl.trimmer(new lunr.Token(word, {})).toString();
  const kept = lunr.nl.stopWordFilter(new lunr.Token(trimmed, {})) !== undefined;
  const stemmed = lunr.nl.stemmer(new lunr.Token(trimmed, {})).toString();
  return [trimmed, kept, stemmed];
});
process.stdout.write(JSON.stringify(out));
