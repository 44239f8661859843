/** The end-to-end servers' demo data (fixtures.ts, global-setup.ts). */
export const DEMO_SEED = 2026;

/** Enough demo data that the personas have several pages and several agencies. */
export const DEMO_ENV = {
	PEEGEL_DEMO: '1',
	PEEGEL_DEMO_PEOPLE: '300',
	PEEGEL_DEMO_EVENTS: '20000',
	PEEGEL_DEMO_SEED: String(DEMO_SEED)
};
