import { describe, expect, it } from 'vitest';
import { isCrossSiteFormPost } from './csrf';

const url = new URL('http://localhost:3000/auth/demo');
const post = (headers: Record<string, string>, path = url) => [new Request(path, { method: 'POST', headers }), path] as const;

describe('isCrossSiteFormPost', () => {
	it('refuses form posts from another origin or none', () => {
		expect(isCrossSiteFormPost(...post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }))).toBe(true);
		expect(isCrossSiteFormPost(...post({ 'content-type': 'multipart/form-data; boundary=x' }))).toBe(true);
	});
	it('lets same-origin forms and non-form bodies through', () => {
		expect(isCrossSiteFormPost(...post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' }))).toBe(false);
		expect(isCrossSiteFormPost(...post({ 'content-type': 'application/json' }))).toBe(false);
		const https = new URL('https://localhost:3000/auth/demo');
		expect(isCrossSiteFormPost(...post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000', host: 'localhost:3000' }, https))).toBe(false);
		expect(isCrossSiteFormPost(...post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example', host: 'localhost:3000' }, https))).toBe(true);
	});
	it('leaves the machine APIs to their own checks', () => {
		const api = new URL('http://localhost:3000/api/v1/usage-events');
		expect(isCrossSiteFormPost(...post({ 'content-type': 'text/plain' }, api))).toBe(false);
	});
});
