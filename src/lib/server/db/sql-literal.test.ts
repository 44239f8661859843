import { describe, expect, it } from 'vitest';
import { sqlString } from './sql-literal';

describe('sqlString', () => {
	it('quotes and escapes backslashes and quotes', () => {
		expect(sqlString('/data/tmp/insert-1.batch')).toBe("'/data/tmp/insert-1.batch'");
		expect(sqlString("it's")).toBe("'it\\'s'");
		expect(sqlString('a\\b')).toBe("'a\\\\b'");
		expect(sqlString("\\'")).toBe("'\\\\\\''");
	});
});
