#!/usr/bin/env bash
# The README's first command as CI can run it: `local-cloud.jar up` from template.yaml on free ports. Waits for the
# one ready line, calls the REST API and the edge once each, then stops it with SIGTERM, which must stop it cleanly.
# Needs local/target/local-cloud.jar and functions/target/function.zip (./mvnw -B verify builds both).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=local/target/local-cloud.jar
[ -f "$JAR" ] || { echo "$JAR is missing: run ./mvnw -B verify first" >&2; exit 1; }
WORK=$(mktemp -d)
: >"$WORK/out"
java -jar "$JAR" up --edge-port 0 --api-port 0 --data-dir "$WORK/data" >"$WORK/out" 2>"$WORK/err" &
PID=$!
finish() {
  kill -TERM "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap finish EXIT
fail() {
  echo "--- up's standard error:" >&2
  cat "$WORK/err" >&2
  echo "local cloud smoke test failed: $*" >&2
  exit 1
}

deadline=$((SECONDS + 180))
until READY=$(grep -m1 '^local-cloud ready ' "$WORK/out"); do
  kill -0 "$PID" 2>/dev/null || fail "up exited before it was ready"
  [ "$SECONDS" -lt "$deadline" ] || fail "no ready line within 180 s"
  sleep 0.5
done
PATTERN='^local-cloud ready edge=(http://127\.0\.0\.1:[0-9]+) api=(http://127\.0\.0\.1:[0-9]+)$'
[[ "$READY" =~ $PATTERN ]] || fail "unexpected ready line: $READY"
EDGE=${BASH_REMATCH[1]}
API=${BASH_REMATCH[2]}
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "standard output has more than the ready line"
echo "$READY"

# the REST API: a path with no route gets API Gateway's own answer
STATUS=$(curl -s -o "$WORK/api" -w '%{http_code}' "$API/no-such-route")
[ "$STATUS" = 403 ] && grep -q '"Missing Authentication Token"' "$WORK/api" \
  || fail "API answered $STATUS $(cat "$WORK/api")"
echo "API: 403 Missing Authentication Token for an unknown route"

# the edge: the template's table, through DynamoDB's own API
curl -s -o "$WORK/edge" -X POST "$EDGE/" \
  -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: DynamoDB_20120810.DescribeTable' \
  -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
  -d '{"TableName": "eks-lifecycle-StateTable"}'
grep -q '"TableStatus":"ACTIVE"' "$WORK/edge" || fail "DescribeTable answered $(cat "$WORK/edge")"
echo "edge: eks-lifecycle-StateTable is ACTIVE"

kill -TERM "$PID"
for _ in $(seq 1 60); do
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.5
done
kill -0 "$PID" 2>/dev/null && fail "up did not stop within 30 s of SIGTERM"
grep -q '^local-cloud stopped' "$WORK/err" || fail "up did not stop cleanly"
echo "stopped cleanly"
