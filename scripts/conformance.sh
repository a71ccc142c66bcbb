#!/usr/bin/env bash
# Protocol conformance, run by .ci/run with pinned tools only:
# 1. The MCP Inspector CLI (--strict) lists tools, resources, templates and prompts of the built
#    bin over stdio and over HTTP; any error or schema warning fails.
# 2. The official conformance suite runs the scenarios MCP 2026-07-28 requires and those 2025-11-25
#    requires against `--http --sandbox`; scripts/conformance-report.mjs judges the ones any server
#    can pass (a check that only the suite's own test_* tools could satisfy does not count).
# Both need Node 22+, so they run under a pinned Node through npx. Usage: bash scripts/conformance.sh
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || exit 1

NODE_PKG=node@24.21.0
INSPECTOR=(npx -y -p "$NODE_PKG" -p @modelcontextprotocol/inspector@2.12.0 -- mcp-inspector --cli)
SUITE=(npx -y -p "$NODE_PKG" -p @modelcontextprotocol/conformance@0.2.0-alpha.12 -- conformance server)
METHODS=(tools/list resources/list resources/templates/list prompts/list)
fail=0
out=$(mktemp)
results=$(mktemp -d)

check() { # label, then the inspector target arguments
  local label=$1; shift
  for m in "${METHODS[@]}"; do
    # --strict (schema lint) applies to tools/list only; the other lists must simply succeed.
    local strict=()
    [ "$m" = tools/list ] && strict=(--strict)
    "${INSPECTOR[@]}" "$@" --method "$m" "${strict[@]}" >"$out" 2>&1
    local rc=$?
    # A failed call prints a one-line {"error": …} object; a tool's schema may well have a
    # property named "error", so only a line that starts with it counts.
    if [ $rc -ne 0 ] || grep -q '^{"error"' "$out"; then
      echo "FAIL $label $m (inspector exit $rc)"; grep -v EBADENGINE "$out" | tail -n 20; fail=1; continue
    fi
    local warnings
    warnings=$(grep -cE '^(Warning|Error):' "$out")
    if [ "$warnings" != "0" ]; then
      echo "FAIL $label $m: $warnings schema warnings/errors"; grep -A2 -E '^(Warning|Error):' "$out" | head -n 60; fail=1
    else
      echo "ok   $label $m"
    fi
  done
}

check stdio node dist/index.js --sandbox --toolsets all

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node dist/index.js --sandbox --toolsets all --http --port "$port" 2>/tmp/heygen-mcp-conformance-http.log &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$out" "$results"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done
check http --transport http "http://127.0.0.1:$port/mcp"

for revision in 2026-07-28 2025-11-25; do
  mkdir -p "$results/$revision"
  "${SUITE[@]}" --url "http://127.0.0.1:$port/mcp" --requirements "$revision" -o "$results/$revision" >"$out" 2>&1
  node scripts/conformance-report.mjs "$results/$revision" "$revision" || { fail=1; grep -v EBADENGINE "$out" | tail -n 30; }
done
# The Tasks extension's scenarios, by name (no revision's requirement list includes them).
mkdir -p "$results/tasks"
for scenario in tasks-capability-negotiation tasks-dispatch-and-envelope; do
  "${SUITE[@]}" --url "http://127.0.0.1:$port/mcp" --scenario "$scenario" -o "$results/tasks" >"$out" 2>&1
done
node scripts/conformance-report.mjs "$results/tasks" tasks || { fail=1; grep -v EBADENGINE "$out" | tail -n 30; }
exit $fail
