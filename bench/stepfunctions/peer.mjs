// Runs a definition N times, one after another, with aws-local-stepfunctions (the peer we compare with) and prints
// the same summary line as `local-cloud.jar run`. Wait states and Retry pauses are overridden to 0 ms, as our
// virtual clock makes them take no real time.
// usage: node peer.mjs DEFINITION INPUT REPEAT   (run from a directory where aws-local-stepfunctions@3.0.0 is installed)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const { StateMachine } = require('aws-local-stepfunctions');

const [definitionFile, inputFile, repeatText] = process.argv.slice(2);
const definition = JSON.parse(readFileSync(definitionFile, 'utf8'));
const input = JSON.parse(readFileSync(inputFile, 'utf8'));
const repeat = Number(repeatText);

// every state name at any depth, so each Wait and Retry can be overridden to 0 ms
const names = [];
(function collect(graph) {
  for (const [name, state] of Object.entries(graph.States)) {
    names.push(name);
    (state.Branches || []).forEach(collect);
    if (state.ItemProcessor || state.Iterator) collect(state.ItemProcessor || state.Iterator);
  }
})(definition);
const zero = Object.fromEntries(names.map((n) => [n, 0]));

const machine = new StateMachine(definition);
let first;
const start = process.hrtime.bigint();
for (let i = 0; i < repeat; i++) {
  const execution = machine.run(input, { overrides: { waitTimeOverrides: zero, retryIntervalOverrides: zero } });
  try {
    const output = await execution.result;
    if (i === 0) first = 'status=SUCCEEDED output=' + JSON.stringify(output);
  } catch (e) {
    if (i === 0) first = 'status=FAILED error=' + (e.name || e);
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log('first: ' + first);
console.log(`executions=${repeat} seconds=${seconds.toFixed(3)} per_second=${(repeat / seconds).toFixed(1)}`);
