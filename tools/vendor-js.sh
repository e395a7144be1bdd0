#!/usr/bin/env bash
# Refresh generator/assets/vendor/ from the npm registry at the exact versions in package.json.
# The site never loads JavaScript from a CDN; these copies ship with it, licences included.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lunr=$(node -p "require('./package.json').dependencies.lunr")
languages=$(node -p "require('./package.json').dependencies['lunr-languages']")
(cd "$work" && npm pack --silent "lunr@$lunr" "lunr-languages@$languages" >/dev/null)
mkdir -p "$work/lunr" "$work/languages"
tar xzf "$work/lunr-$lunr.tgz" -C "$work/lunr"
tar xzf "$work/lunr-languages-$languages.tgz" -C "$work/languages"
target=generator/assets/vendor
cp "$work/lunr/package/lunr.min.js" "$work/lunr/package/LICENSE" "$target/lunr/"
cp "$work/languages/package/min/lunr.stemmer.support.min.js" "$work/languages/package/min/lunr.nl.min.js" \
   "$work/languages/package/LICENSE" "$target/lunr-languages/"
echo "lunr $lunr, lunr-languages $languages -> $target"
