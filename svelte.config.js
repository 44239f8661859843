import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// SvelteKit's own origin check would answer an API client's text/plain POST with a 403
		// instead of our 415; hooks.server.ts applies the same check to browser routes only.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
