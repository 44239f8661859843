#!/usr/bin/env bash
# npm test: unit tests, integration tests (real embedded ClickHouse), then end-to-end tests
# (Playwright in Debian's Chromium). Stops at the first stage that fails. The last line is
# always the summary "N passed, M failed", totalled over the stages that ran.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Not under test-results/: Playwright empties that directory when it starts.
REPORTS="$ROOT/tests/.tmp/reports"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"

PASSED=0
FAILED=0
START=$(date +%s)

summary() {
	local secs=$(($(date +%s) - START))
	echo
	echo "Test suite took $((secs / 60)) min $((secs % 60)) s."
	echo "$PASSED passed, $FAILED failed"
}

# Adds a stage's counts from its JSON report: "<passed> <failed>" on stdout.
# A runner that crashed before writing its report counts as one failure.
count() {
	local kind="$1" file="$2"
	node -e '
		const [kind, file] = process.argv.slice(1);
		const fs = require("node:fs");
		if (!fs.existsSync(file)) { console.log("0 0 missing"); process.exit(0); }
		const r = JSON.parse(fs.readFileSync(file, "utf8"));
		if (kind === "vitest") {
			// A file that fails before its tests run (a hook, an import) fails no test: count the file.
			const failed = (r.numFailedTests ?? 0) || (r.numFailedTestSuites ?? 0);
			console.log(`${r.numPassedTests ?? 0} ${failed} ok`);
		} else {
			const s = r.stats ?? {};
			// expected = passed, flaky = passed on retry, unexpected = failed.
			console.log(`${(s.expected ?? 0) + (s.flaky ?? 0)} ${s.unexpected ?? 0} ok`);
		}
	' "$kind" "$file"
}

# run_stage <name> <kind> <report file> <command...>
run_stage() {
	local name="$1" kind="$2" report="$3"
	shift 3
	echo
	echo "=== $name ==="
	"$@"
	local status=$?
	local p f state
	read -r p f state < <(count "$kind" "$report")
	if [ "$state" = "missing" ] && [ "$status" -ne 0 ]; then f=$((f + 1)); fi
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	if [ "$status" -ne 0 ]; then
		echo
		echo "peegel: $name failed (exit code $status); later stages were not run."
		summary
		exit "$status"
	fi
}

# End-to-end tests need Debian's Chromium (Playwright cannot download browsers here).
ensure_chromium() {
	[ -x /usr/bin/chromium ] && return 0
	local sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
			sudo="sudo -n"
		else
			echo "peegel: /usr/bin/chromium is missing. Install Debian's 'chromium' package (apt-get install chromium) and run the tests again." >&2
			return 1
		fi
	fi
	echo "peegel: /usr/bin/chromium is missing; installing Debian's 'chromium' package..."
	if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
		! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; then
		echo "peegel: could not install Debian's 'chromium' package; install it (apt-get install chromium) and run the tests again." >&2
		return 1
	fi
	[ -x /usr/bin/chromium ] || { echo "peegel: the 'chromium' package did not provide /usr/bin/chromium." >&2; return 1; }
}

# Generates .svelte-kit/tsconfig.json and the route types that vite and vitest read.
npx svelte-kit sync >/dev/null 2>&1 || true

echo
echo "=== type check ==="
if ! npx svelte-check --tsconfig ./tsconfig.json --threshold error; then
	echo "peegel: type check failed; tests were not run."
	FAILED=$((FAILED + 1))
	summary
	exit 1
fi

run_stage "unit tests" vitest "$REPORTS/unit.json" \
	npx vitest run --project unit --reporter=default --reporter=json --outputFile="$REPORTS/unit.json"

run_stage "integration tests" vitest "$REPORTS/integration.json" \
	npx vitest run --project integration --reporter=default --reporter=json --outputFile="$REPORTS/integration.json"

if ! ensure_chromium; then
	FAILED=$((FAILED + 1))
	summary
	exit 1
fi

export PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json"
run_stage "end-to-end tests" playwright "$REPORTS/e2e.json" \
	npx playwright test --reporter=list,json

summary
