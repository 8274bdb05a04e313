#!/usr/bin/env bash
# Differential check: each JSONPath definition in bench/stepfunctions/differential/ runs once with local-cloud.jar
# and once with aws-local-stepfunctions 3.0.0; their statuses and outputs (compared as JSON) must agree.
# usage: bench/stepfunctions/differential.sh   (PEER_DIR as for run.sh; needs local/target/local-cloud.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEER_DIR=${PEER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/eks-lifecycle/sfn-peer}
NODE="$PEER_DIR/node_modules/.bin/node"
[ -x "$NODE" ] || { echo "install the peer first (bench/stepfunctions/run.sh does)"; exit 2; }
[ -f local/target/local-cloud.jar ] || ./mvnw -B -q -pl local package -DskipTests
script="$(pwd)/bench/stepfunctions/peer.mjs"
same=0; different=0
for definition in bench/stepfunctions/differential/*.asl.json; do
  name=$(basename "$definition" .asl.json)
  input="${definition%.asl.json}.input.json"
  ours=$(java -jar local/target/local-cloud.jar run --definition "$definition" --input "$input" | sed -n 's/^first: //p')
  peer=$(cd "$PEER_DIR" && "$NODE" "$script" "$OLDPWD/$definition" "$OLDPWD/$input" 1 | sed -n 's/^first: //p')
  if python3 -c 'import json,sys
def parse(line):
    status, _, rest = line.partition(" ")
    return status, json.loads(rest[len("output="):]) if rest.startswith("output=") else None
sys.exit(0 if parse(sys.argv[1]) == parse(sys.argv[2]) else 1)' "$ours" "$peer"; then
    echo "same       $name"; same=$((same + 1))
  else
    echo "DIFFERENT  $name"; echo "  ours: $ours"; echo "  peer: $peer"; different=$((different + 1))
  fi
done
echo "same=$same different=$different"
[ "$different" -eq 0 ]
