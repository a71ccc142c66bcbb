#!/usr/bin/env bash
# Protocol conformance: the MCP Inspector CLI in --strict mode lists tools, resources, resource
# templates and prompts over stdio and over Streamable HTTP; any error or schema warning fails.
# Then the official conformance suite runs the scenarios that apply to any server.
# Needs the npm registry (npx fetches node@22, the inspector and the suite). Usage: bash scripts/conformance.sh
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || exit 1

INSPECTOR=(npx -y -p node@22 -p @modelcontextprotocol/inspector@2 -- mcp-inspector --cli)
METHODS=(tools/list resources/list resources/templates/list prompts/list)
fail=0
out=$(mktemp)

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
trap 'kill "$server" 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/mcp" 2>/dev/null && break; sleep 0.1; done
check http --transport http "http://127.0.0.1:$port/mcp"

for scenario in server-initialize ping dns-rebinding-protection tools-list resources-list prompts-list logging-set-level; do
  if npx -y -p node@22 -p @modelcontextprotocol/conformance -- conformance server --url "http://127.0.0.1:$port/mcp" --scenario "$scenario" >"$out" 2>&1; then
    echo "ok   conformance $scenario"
  else
    echo "FAIL conformance $scenario"; tail -n 20 "$out"; fail=1
  fi
done
exit $fail
