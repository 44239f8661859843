/** The log's public page: the latest checkpoint, who cosigned it, the keys, what it proves. */
import { parseCheckpoint, parseNote } from '$lib/ledger/note';
import { latestCheckpoint, verifierKey } from '$lib/server/ledger/checkpoints';
import { cosignaturesOf, servedNote, witnessKeyTexts } from '$lib/server/ledger/cosignatures';
import { encodeBase64 } from '@oslojs/encoding';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'no-cache' });
	const checkpoint = await latestCheckpoint();
	const body = parseCheckpoint(parseNote(checkpoint.note).text);
	const [cosignatures, note] = await Promise.all([cosignaturesOf(checkpoint.size), servedNote(checkpoint)]);
	return {
		checkpoint: { origin: body.origin, size: checkpoint.size, root: encodeBase64(checkpoint.root), note },
		cosignatures: cosignatures.map((c) => ({ witness: c.witness, at: `${c.cosigned_at.replace(' ', 'T')}Z` })),
		key: verifierKey(),
		witnessKeys: witnessKeyTexts()
	};
};
