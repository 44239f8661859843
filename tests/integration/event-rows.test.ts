/**
 * The writer's RowBinary rows, read back by ClickHouse itself: every column of every
 * event comes back as it was validated (ids lowercased, times to the millisecond in UTC).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { UsageEvent } from '../../src/lib/schemas/usage-event';
import { newSubject } from '../support/data';
import { testLedgerKey } from '../support/ledger-key';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-event-rows-'));
process.env.PEEGEL_DATA_DIR = dataDir;
process.env.PEEGEL_LEDGER_KEY = testLedgerKey();
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

let closeDb: () => Promise<void>;
let commitEvents: typeof import('../../src/lib/server/usage/writer').commitEvents;
let queryRows: typeof import('../../src/lib/server/db/query').queryRows;

beforeAll(async () => {
	const { migrate } = await import('../../src/lib/server/db/migrate');
	({ closeDb } = await import('../../src/lib/server/db/client'));
	({ commitEvents } = await import('../../src/lib/server/usage/writer'));
	({ queryRows } = await import('../../src/lib/server/db/query'));
	await migrate();
});

afterAll(async () => {
	await closeDb?.();
	rmSync(dataDir, { recursive: true, force: true });
});

const stored = z.object({
	event_id: z.string(),
	logged_at: z.string(),
	subject_code: z.string(),
	agency_code: z.string(),
	system: z.string(),
	action: z.string(),
	purpose_code: z.string(),
	legal_basis: z.string(),
	actor_code: z.string(),
	case_ref: z.string(),
	data_categories: z.array(z.string()),
	intermediary_code: z.string(),
	xroad_client: z.string(),
	xroad_service: z.string(),
	xroad_message_id: z.string(),
	visibility: z.string(),
	disclose_after: z.string().nullable(),
	bulk: z.union([z.boolean(), z.number()]).transform(Boolean),
	received: z.union([z.boolean(), z.number()]).transform(Boolean)
});

describe('events as stored', () => {
	it('come back from ClickHouse column by column as they were committed', async () => {
		const subject = newSubject();
		const base: UsageEvent = {
			event_id: '00000000-0000-4000-8000-000000000000',
			logged_at: '2026-11-20T09:15:00+02:00',
			subject_code: subject,
			agency_code: '70008440',
			system: 'RR',
			action: 'Aadressi kontroll',
			purpose_code: '',
			legal_basis: '',
			actor_code: '',
			case_ref: '',
			data_categories: [],
			intermediary_code: '',
			xroad_client: '',
			xroad_service: '',
			xroad_message_id: '',
			visibility: 'visible',
			disclose_after: null,
			bulk: false
		};
		const events: UsageEvent[] = [
			base,
			{
				...base,
				event_id: 'ffeeddcc-bbaa-4998-8877-665544332211',
				logged_at: '2026-07-01T23:59:59.999-05:30',
				action: 'Päring § 41 — Паспорт '.repeat(12),
				purpose_code: 'ADDR-CHECK',
				legal_basis: 'ж'.repeat(300),
				actor_code: 'EE49403136515',
				case_ref: '2026-1234/ä',
				data_categories: ['identity', 'contact.address', 'health.prescriptions'],
				intermediary_code: '70003098',
				xroad_client: 'EE/GOV/70008440/rr',
				xroad_service: 'EE/GOV/70003098/xtee/getPerson/v2',
				xroad_message_id: '4c0f1b2e-7d51-4a3c-9e0b-0f8c7a1d2e3f',
				visibility: 'sealed',
				disclose_after: '2031-01-01T00:00:00.5Z',
				bulk: true
			},
			{ ...base, event_id: '12345678-9abc-4def-8123-456789abcdef', logged_at: '2000-01-01T00:00:00Z', visibility: 'restricted', case_ref: 'x'.repeat(200) }
		];
		const committed = await commitEvents(events);
		expect(committed.accepted).toHaveLength(3);
		const rows = await queryRows(
			`SELECT toString(event_id) AS event_id, toString(logged_at) AS logged_at, subject_code, agency_code, system, action,
			        purpose_code, legal_basis, actor_code, case_ref, data_categories, intermediary_code, xroad_client, xroad_service,
			        xroad_message_id, toString(visibility) AS visibility, toString(disclose_after) AS disclose_after, bulk,
			        received_at > now64(3) - INTERVAL 1 MINUTE AS received
			 FROM usage_event WHERE subject_code = {subject:String} ORDER BY logged_at`,
			{ subject },
			stored
		);
		const expected = [events[2]!, base, events[1]!].map((e, i) => ({
			...e,
			logged_at: ['2000-01-01 00:00:00.000', '2026-11-20 07:15:00.000', '2026-07-02 05:29:59.999'][i],
			disclose_after: e.disclose_after === null ? null : '2031-01-01 00:00:00.500',
			received: true
		}));
		expected.sort((a, b) => (a.logged_at! < b.logged_at! ? -1 : 1));
		expect(rows).toEqual(expected);
	});
});
