#!/usr/bin/env bash
# End-to-end tests of the packaged extension in a real VS Code (code-server 4.100.3 + playwright-core
# + Debian's chromium; recipe: ../shared/E2E.md). Installs what it needs, packages the .vsix, runs
# the grammar test against VS Code's own YAML grammar, then the suite with the extension, then a
# control run without it (which must fail). Prints "N passed, N failed" last; exits non-zero on any
# failure. Screenshots of failures: test/e2e/out/.
#   bash test/e2e/run.sh            (npm run test:e2e)
#   E2E_SKIP_CONTROL=1 bash ...     skips the control run (quicker while writing tests)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
start=$(date +%s)
out="$here/out"
rm -rf "$out" && mkdir -p "$out"

finish() { # passed failed
  echo "== e2e total ($(( $(date +%s) - start )) s)"
  echo "$1 passed, $2 failed"
  [ "$2" -eq 0 ] && [ "$1" -gt 0 ]
  exit $?
}
die() { echo "e2e: $*" >&2; finish 0 1; }

# 1. Debian packages: the browser, kerberos headers and pkg-config (a native module of
#    code-server), ripgrep (seeded into @vscode/ripgrep's download cache below).
need=()
for p in chromium libkrb5-dev ripgrep pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  echo "== apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || die "could not install ${need[*]} (needs root or passwordless sudo)"
fi

# 2. test/e2e/node_modules: code-server 4.100.3, playwright-core, @vscode/vsce. Skipped when the
#    lock file has not changed since the last successful install.
marker="$here/node_modules/.daemonscope-e2e-ok"
lockhash="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$lockhash" ] && [ -x "$here/node_modules/.bin/code-server" ]; then
  echo "== test/e2e/node_modules up to date"
else
  echo "== npm ci in test/e2e (code-server builds its native modules; a few minutes)"
  tmp="$(mktemp -d)"
  # @vscode/ripgrep 1.15.11 (code-server 4.100.3's) downloads ripgrep v13.0.0-10 from GitHub in its
  # postinstall unless it finds it in $TMPDIR/vscode-ripgrep-cache-<version>/: give it Debian's rg.
  mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11"
  tar czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  # npm_config_yes: a postinstall calls npx. --unsafe-perm: code-server's postinstall refuses root otherwise.
  if ! (cd "$here" && TMPDIR="$tmp" npm_config_yes=true npm ci --unsafe-perm --no-audit --no-fund >"$tmp/npm.log" 2>&1); then
    tail -40 "$tmp/npm.log"; cp "$tmp/npm.log" "$out/npm-ci.log"; rm -rf "$tmp"
    die "npm ci in test/e2e failed (log: test/e2e/out/npm-ci.log)"
  fi
  rm -rf "$tmp"
  echo "$lockhash" > "$marker"
fi

# 3. The packaged extension, exactly what users install.
echo "== npm run package"
(cd "$repo" && npm run package --silent >"$out/package.log" 2>&1) || { tail -30 "$out/package.log"; die "npm run package failed"; }
vsix="$repo/daemonscope.vsix"
[ -f "$vsix" ] || die "no daemonscope.vsix after npm run package"
echo "daemonscope.vsix: $(stat -c %s "$vsix") bytes"

passed=0; failed=0
add_counts() { # a "N passed, N failed" line
  local line; line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)"
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + $(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')))
  failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

# 4. The injection grammar against VS Code's own YAML grammar (skipped in npm test without it).
echo "== grammar test on VS Code's YAML grammar"
(cd "$repo" && node scripts/runTests.mjs test/unit/syntaxes) 2>&1 | tee "$out/grammar.log" | grep -E '^(✔|✖|﹣)|passed, '
add_counts "$out/grammar.log"

# 5. The suite, with the extension, then the control run without it.
echo "== suite (extension installed)"
node "$here/suite.mjs" --vsix "$vsix" --out "$out" 2>&1 | tee "$out/suite.log"
add_counts "$out/suite.log"
if [ "${E2E_SKIP_CONTROL:-}" != "1" ]; then
  echo "== control run (no extension: every test must fail)"
  node "$here/suite.mjs" --control --out "$out/control" 2>&1 | tee "$out/control.log"
  add_counts "$out/control.log"
fi
finish "$passed" "$failed"
