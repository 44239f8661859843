// npm run ledger:check-evidence -- <evidence.json> [--key <verifier key>]
// Checks an oversight case's evidence (GET /oversight/cases/<id>/evidence.json) offline:
// every linked event's proof (the checkpoint's signature, the leaf is the event with the
// details and the official shown, the inclusion proof), all against the one checkpoint the
// file names. Give the log's published verifier key with --key; without it the key inside
// the file is used, which only shows the file is consistent with itself.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EVIDENCE_FORMAT, checkEvidenceProof } from '../src/lib/ledger/evidence';

function fail(message: string, code = 2): never {
	console.error(`ledger:check-evidence: ${message}`);
	if (code === 2) console.error('Usage: npm run ledger:check-evidence -- <evidence.json> [--key <name+keyid+key>]');
	process.exit(code);
}

let file: string;
let key: string | undefined;
try {
	const { values, positionals } = parseArgs({ options: { key: { type: 'string' } }, allowPositionals: true, strict: true });
	if (positionals.length !== 1) fail('give exactly one evidence file');
	file = positionals[0]!;
	key = values.key;
} catch (err) {
	fail((err as Error).message);
}

interface Evidence {
	format?: unknown;
	case?: { case_id?: unknown };
	events?: { event_id?: unknown; proof?: unknown }[];
	checkpoint?: { size?: unknown; note?: unknown; key?: unknown };
}
let evidence: Evidence;
try {
	evidence = JSON.parse(readFileSync(file, 'utf8')) as Evidence;
} catch (err) {
	fail(`cannot read ${file}: ${(err as Error).message}`, 1);
}
if (evidence.format !== EVIDENCE_FORMAT) fail(`${file} is not case evidence (format ${JSON.stringify(evidence.format)}, expected ${EVIDENCE_FORMAT})`, 1);
if (!key) {
	if (typeof evidence.checkpoint?.key !== 'string') fail('the file has no key; give one with --key', 1);
	key = evidence.checkpoint.key;
	console.error('ledger:check-evidence: no --key given: checking against the key inside the file. Compare it with the log’s published key:');
	console.error(`  ${key}`);
}
let problems = 0;
let pending = 0;
for (const e of evidence.events ?? []) {
	if (e.proof === null) {
		pending++;
		console.log(`PENDING: event ${String(e.event_id)} is newer than the checkpoint; download the evidence again later`);
		continue;
	}
	const r = checkEvidenceProof(e.proof, key);
	const sameCheckpoint = r.ok && (e.proof as { bundle: { checkpoint: string } }).bundle.checkpoint === evidence.checkpoint?.note;
	if (!r.ok || !sameCheckpoint) {
		problems++;
		console.log(`NOT VERIFIED: event ${String(e.event_id)}: ${r.problem ?? 'its proof is for another checkpoint than the file’s'}`);
	} else {
		console.log(`VERIFIED: event ${r.leaf!.eventId} about ${r.leaf!.subjectCode} is entry ${r.leaf!.index} of the log, with its details and official`);
	}
}
const n = evidence.events?.length ?? 0;
console.log(`case ${String(evidence.case?.case_id)}: ${n - problems - pending} of ${n} events verified against the checkpoint of ${String(evidence.checkpoint?.size)} entries${pending ? `, ${pending} pending` : ''}`);
if (problems > 0) process.exit(1);
