import { describe, expect, it } from 'vitest';
import { announces, announcesEachUse } from './matching';
import type { Mode } from './preference';

const A = '70000001';
const B = '70000002';
const visibleA = { restricted: false, agency_code: A };
const restricted = { restricted: true, agency_code: '' };

const pref = (mode: Mode, agencies: string[] = []) => ({ mode, agencies });

describe('which uses a preference announces', () => {
	it('every use: all of them, restricted ones too', () => {
		expect(announces(pref('every'), visibleA, [])).toBe(true);
		expect(announces(pref('every'), restricted, [])).toBe(true);
	});

	it('only unusual uses: those with a reason', () => {
		expect(announces(pref('unusual'), visibleA, [])).toBe(false);
		expect(announces(pref('unusual'), visibleA, ['new_agency'])).toBe(true);
		expect(announces(pref('unusual'), restricted, ['outside_hours'])).toBe(true);
	});

	it('chosen agencies: only theirs, never a restricted use (its agency is hidden)', () => {
		expect(announces(pref('agencies', [A]), visibleA, [])).toBe(true);
		expect(announces(pref('agencies', [B]), visibleA, [])).toBe(false);
		expect(announces(pref('agencies', [A, '']), restricted, [])).toBe(false);
	});

	it('the weekly digest and none: no single use', () => {
		expect(announces(pref('digest'), visibleA, ['new_agency'])).toBe(false);
		expect(announces(pref('none'), visibleA, ['new_agency'])).toBe(false);
		expect(['every', 'unusual', 'agencies', 'digest', 'none'].filter((m) => announcesEachUse(m as Mode))).toEqual(['every', 'unusual', 'agencies']);
	});
});
