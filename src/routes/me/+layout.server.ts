/** Every /me page: whose records are shown (a represented child's, with the banner) and whom the person may switch to. */
import { representationView } from '$lib/server/auth/subject-choice';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	representation: await representationView(locals)
});
