import { describe, expect, it } from 'vitest';
import { caseFilterQuery, formatCursor, NO_FILTERS, parseCaseFilters } from './case-filters';

const parse = (q: string) => parseCaseFilters(new URLSearchParams(q));

describe('parseCaseFilters', () => {
	it('reads no filters from an empty query, and empty fields as absent', () => {
		expect(parse('')).toEqual({ filters: NO_FILTERS, errors: [] });
		expect(parse('state=&outcome=&source=&assignee=&from=&to=&after=')).toEqual({ filters: NO_FILTERS, errors: [] });
	});

	it('reads every filter', () => {
		const id = '0b1c2d3e-4f50-4612-8734-956a7b8c9d0e';
		const { filters, errors } = parse(`state=closed&outcome=misuse&source=alert&assignee=EE38001085718&from=2026-01-01&to=2026-01-31&after=1767225600123_${id.toUpperCase()}`);
		expect(errors).toEqual([]);
		expect(filters).toEqual({
			state: 'closed',
			outcome: 'misuse',
			source: 'alert',
			assignee: 'EE38001085718',
			from: '2026-01-01',
			to: '2026-01-31',
			after: { openedAtMs: 1767225600123, caseId: id }
		});
	});

	it('takes "mine" and "nobody" as assignees, and adds EE to a bare personal code', () => {
		expect(parse('assignee=mine').filters.assignee).toBe('mine');
		expect(parse('assignee=nobody').filters.assignee).toBe('nobody');
		expect(parse('assignee=38001085718').filters.assignee).toBe('EE38001085718');
	});

	it('reports each bad field and leaves it out', () => {
		const { filters, errors } = parse('state=open&outcome=guilty&source=email&assignee=EE123&from=2026-02-30&to=soon&after=xyz');
		expect(filters).toEqual(NO_FILTERS);
		expect(errors).toEqual([
			{ field: 'state', code: 'invalid' },
			{ field: 'outcome', code: 'invalid' },
			{ field: 'source', code: 'invalid' },
			{ field: 'assignee', code: 'assignee' },
			{ field: 'from', code: 'date' },
			{ field: 'to', code: 'date' },
			{ field: 'after', code: 'cursor' }
		]);
	});

	it('refuses a period that ends before it starts, keeping its start', () => {
		const { filters, errors } = parse('from=2026-03-01&to=2026-02-01');
		expect(filters.from).toBe('2026-03-01');
		expect(filters.to).toBeNull();
		expect(errors).toEqual([{ field: 'to', code: 'period' }]);
	});

	it('refuses a cursor whose id is not a UUID', () => {
		expect(parse('after=1767225600123_zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz').errors).toEqual([{ field: 'after', code: 'cursor' }]);
	});
});

describe('caseFilterQuery', () => {
	it('writes the filters back as a query string that parses to the same filters', () => {
		const filters = { ...NO_FILTERS, state: 'new' as const, assignee: 'nobody', from: '2026-01-01' };
		const after = { openedAtMs: 5, caseId: '0b1c2d3e-4f50-4612-8734-956a7b8c9d0e' };
		const q = caseFilterQuery(filters, after);
		expect(q).toBe(`?state=new&assignee=nobody&from=2026-01-01&after=${formatCursor(after)}`);
		expect(parse(q.slice(1))).toEqual({ filters: { ...filters, after }, errors: [] });
		expect(caseFilterQuery(NO_FILTERS)).toBe('');
	});
});
