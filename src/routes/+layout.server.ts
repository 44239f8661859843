import { config } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Read so that a `?lang=` change re-runs this load on client-side navigation.
	url.searchParams.get('lang');
	const user = locals.user;
	return {
		// Only what the header needs: the person's own name, code and roles.
		user: user ? { code: user.code, name: user.name, roles: user.roles } : null,
		demo: config().PEEGEL_DEMO,
		lang: locals.lang
	};
};
