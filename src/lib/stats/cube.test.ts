import { describe, expect, it } from 'vitest';
import { CellIndex, PAIR, percentChange, sumCells, type ReleasedCell } from './cube';
import { answerGrid } from './datasets';

function cell(period: string, dims: string[], value: number, people: number, suppressed = false): ReleasedCell {
	const [d1 = '', d2 = '', d3 = '', d4 = ''] = dims;
	return { period, d1, d2, d3, d4, value: suppressed ? 0 : value, people: suppressed ? 0 : people, base: 0, suppressed };
}

const sig: ReleasedCell[] = [];
for (const period of ['2025-01', '2025-02']) {
	sig.push(cell(period, ['id_card', '*', 'Harju County', '65+'], 100, 50));
	sig.push(cell(period, ['smart_id', '*', 'Harju County', '65+'], 0, 0, true));
	sig.push(cell(period, ['*', '*', 'Harju County', '65+'], 130, 60));
	sig.push(cell(period, ['*', '*', '*', '*'], 1000, 400));
}

describe('CellIndex', () => {
	const index = new CellIndex('signatures', sig);

	it('knows the periods and the released values in the documented order', () => {
		expect(index.periods).toEqual(['2025-01', '2025-02']);
		expect(index.values.method).toEqual(['id_card', 'smart_id']);
		expect(index.values.county).toEqual(['Harju County']);
	});

	it('answers a filtered series per period', () => {
		const a = index.answer({ from: '2025-01', to: '2025-12', filters: { county: 'Harju County', age_band: '65+' }, group: null, by: 'period' });
		expect(a.periods).toEqual(['2025-01', '2025-02']);
		expect(a.rows.map((r) => r.cell.value)).toEqual([130, 130]);
		expect(a.rows[0]!.dims).toEqual(['*', '*', 'Harju County', '65+']);
	});

	it('breaks out a group, ignoring its own filter; a suppressed cell has no numbers', () => {
		const a = index.answer({ from: '2025-01', to: '2025-01', filters: { method: 'id_card', county: 'Harju County', age_band: '65+' }, group: 'method', by: 'period' });
		expect(a.keys).toEqual(['id_card', 'smart_id', '*']);
		const at = answerGrid(a);
		expect(at('2025-01', 'id_card')).toEqual({ value: 100, people: 50, base: null, suppressed: false });
		expect(at('2025-01', 'smart_id')).toEqual({ value: null, people: null, base: null, suppressed: true });
	});

	it('a combination the release does not publish is withheld, never a zero', () => {
		expect(index.cell('2025-01', ['other', '*', '*', '*'])).toEqual({ value: null, people: null, base: null, suppressed: true });
	});

	it('sums over a range without people; a suppressed part suppresses the sum', () => {
		const a = index.answer({ from: '2025-01', to: '2025-02', filters: { county: 'Harju County', age_band: '65+' }, group: 'method', by: 'range' });
		expect(a.periods).toEqual(['2025-01/2025-02']);
		expect(a.rows.map((r) => r.cell.value)).toEqual([200, null, 260]);
		expect(a.rows[0]!.cell.people).toBeNull();
		expect(sumCells([], true)).toEqual({ value: 0, people: null, base: 0, suppressed: false });
	});

	it('answers pairs of a two-dimension dataset, largest first', () => {
		const ex = new CellIndex('exchange', [
			{ period: '2025-01', d1: 'EE/GOV/1', d2: 'EE/GOV/2', d3: '', d4: '', value: 5, people: 0, base: 50, suppressed: false },
			{ period: '2025-01', d1: 'EE/GOV/2', d2: 'EE/GOV/1', d3: '', d4: '', value: 9, people: 0, base: 90, suppressed: false },
			{ period: '2025-01', d1: '*', d2: 'EE/GOV/1', d3: '', d4: '', value: 9, people: 0, base: 90, suppressed: false }
		]);
		const a = ex.answer({ from: '2025-01', to: '2025-01', filters: {}, group: PAIR, by: 'range' });
		expect(a.rows.map((r) => [r.dims, r.cell.value, r.cell.base])).toEqual([
			[['EE/GOV/2', 'EE/GOV/1'], 9, 90],
			[['EE/GOV/1', 'EE/GOV/2'], 5, 50]
		]);
	});
});

describe('percentChange', () => {
	it('is null when either end is unknown or the start is 0', () => {
		expect(percentChange(100, 125)).toBe(25);
		expect(percentChange(null, 5)).toBeNull();
		expect(percentChange(0, 5)).toBeNull();
	});
});
