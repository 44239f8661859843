/** Each integration test's own scope: a fresh agency with its API key, and a fresh subject. */
import { newAgencyCode, newSubject } from './data';
import type { TestServer } from './server';

export async function newScope(server: TestServer): Promise<{ agency: string; key: string; subject: string }> {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency);
	return { agency, key, subject: newSubject() };
}
