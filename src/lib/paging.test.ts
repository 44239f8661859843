import { describe, expect, it } from 'vitest';
import { clampPage, pageCount, pageLinks, pageOffset, pageRange } from './paging';

describe('pageCount', () => {
	it('rounds up and is at least one', () => {
		expect(pageCount(0, 50)).toBe(1);
		expect(pageCount(1, 50)).toBe(1);
		expect(pageCount(50, 50)).toBe(1);
		expect(pageCount(51, 50)).toBe(2);
		expect(pageCount(1234, 50)).toBe(25);
	});
	it('rejects a page size that is not positive', () => {
		expect(() => pageCount(10, 0)).toThrow();
	});
});

describe('clampPage', () => {
	it('keeps pages within 1..count', () => {
		expect(clampPage(0, 100, 50)).toBe(1);
		expect(clampPage(-3, 100, 50)).toBe(1);
		expect(clampPage(2, 100, 50)).toBe(2);
		expect(clampPage(3, 100, 50)).toBe(2);
		expect(clampPage(99, 0, 50)).toBe(1);
		expect(clampPage(2.7, 1000, 50)).toBe(2);
		expect(clampPage(Number.NaN, 1000, 50)).toBe(1);
	});
});

describe('pageOffset', () => {
	it('skips whole pages', () => {
		expect(pageOffset(1, 50)).toBe(0);
		expect(pageOffset(2, 50)).toBe(50);
		expect(pageOffset(25, 50)).toBe(1200);
	});
});

describe('pageRange', () => {
	it('describes a middle page', () => {
		expect(pageRange(2, 50, 1234)).toEqual({ first: 51, last: 100, total: 1234 });
	});
	it('describes a short last page', () => {
		expect(pageRange(25, 50, 1234)).toEqual({ first: 1201, last: 1234, total: 1234 });
	});
	it('describes nothing', () => {
		expect(pageRange(1, 50, 0)).toEqual({ first: 0, last: 0, total: 0 });
		expect(pageRange(9, 50, 10)).toEqual({ first: 0, last: 0, total: 10 });
	});
});

describe('pageLinks', () => {
	it('lists all pages when there are few', () => {
		expect(pageLinks(1, 1)).toEqual([1]);
		expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
	});
	it('skips distant pages, never hiding just one', () => {
		expect(pageLinks(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
		expect(pageLinks(1, 20)).toEqual([1, 2, 3, null, 20]);
		expect(pageLinks(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
		expect(pageLinks(20, 20)).toEqual([1, null, 18, 19, 20]);
	});
});
