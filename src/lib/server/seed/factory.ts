/**
 * Turns the catalogue and the reference data into ready-to-draw templates, and builds
 * single usage events from them. Shared by the random stream (events.ts) and the persona
 * stories (story.ts), so both produce exactly the same shape.
 */
import type { UsageEvent, Visibility } from '../../schemas/usage-event';
import { Audience, People, Pool, activityWeights, sortByBirth } from './audience';
import { Calendar, type Rhythm } from './calendar';
import { AGENCIES, AGENCY, LOCAL_CITY, PURPOSES, xroadClient, type PurposeSpec } from './catalogue';
import { DAY_MS, parseIsoDate, rfc3339, tallinnMidnightUtc } from './dates';
import { linkedPeople, officialFamilies, type OfficialFamily } from './family';
import { protectedPeople, type ProtectedPerson } from './protected';
import { type Rng, searchCumulative as search_ } from './random';
import type { Reference } from './reference';

// A module-local binding: the hot loops call it millions of times.
const searchCumulative = search_;

/** Target shares of all generated events (the stories come on top and are negligible). */
export const SHARES = { bulk: 0.05, intermediary: 0.05, restricted: 0.01, sealed: 0.003 } as const;
/** Share of manual events that name no case (the misuse detectors' favourite). */
const NO_CASE_SHARE = 0.1;
export const WINDOW_DAYS = 730;

/** The officials of one agency, drawn by activity, only while employed. */
export class Staff {
	private readonly codes: string[] = [];
	private readonly from: number[] = [];
	private readonly to: number[] = [];
	private readonly weights: number[] = [];
	private cum: Float64Array | null = null;

	add(code: string, from: number, to: number, weight: number): void {
		this.codes.push(code);
		this.from.push(from);
		this.to.push(to);
		this.weights.push(weight);
		this.cum = null;
	}

	get size(): number {
		return this.codes.length;
	}

	/** 'EE'+code of someone employed at t, or '' when a few draws find nobody. */
	pick(rng: Rng, t: number): string {
		const n = this.codes.length;
		if (n === 0) return '';
		if (!this.cum) {
			this.cum = new Float64Array(n);
			let total = 0;
			for (let i = 0; i < n; i++) this.cum[i] = total += this.weights[i]!;
		}
		const total = this.cum[n - 1]!;
		for (let attempt = 0; attempt < 6; attempt++) {
			const i = searchCumulative(this.cum, rng.float() * total, 0, n - 1);
			if (this.from[i]! <= t && t < this.to[i]!) return this.codes[i]!;
		}
		return '';
	}

	/** Everyone on the staff with their employment window (stories pick from it). */
	members(): { code: string; from: number; to: number }[] {
		return this.codes.map((code, i) => ({ code, from: this.from[i]!, to: this.to[i]! }));
	}
}

export interface Template {
	spec: PurposeSpec;
	agency: string;
	system: string;
	action: string;
	code: string;
	legalBasis: string;
	categories: readonly string[];
	rhythm: Rhythm;
	audience: Audience;
	staff: Staff | null;
	casePrefix: string;
	/** X-Road service text, '' when the processing uses no X-Road service. */
	service: string;
	ownClient: string;
	clients: readonly string[];
	/** Char codes of 'PREFIX-YYYY-NNNNNN', rewritten per case number (see caseRef). */
	caseChars: number[];
	/** X-Road client text per intermediary, made once. */
	viaClients: Map<string, string>;
}

export interface EventFields {
	actor?: string;
	caseRef?: string;
	visibility?: Visibility;
	discloseAfter?: number | null;
	intermediary?: string;
	bulk?: boolean;
}

export class EventFactory {
	readonly cal: Calendar;
	readonly people: People;
	readonly templates: Template[] = [];
	readonly byCode = new Map<string, Template>();
	readonly staff = new Map<string, Staff>();
	/** Each official's family in the register (subject code -> people indexes). */
	readonly families: Map<string, OfficialFamily>;
	/** Per official: people they never look up by chance (themselves and their family). */
	readonly linked: Map<string, Set<number>>;
	/** The protected list (protected.ts), and a flag per person index. */
	readonly protectedList: ProtectedPerson[];
	readonly isProtected: Uint8Array;
	private readonly pools = new Map<string, Pool>();
	private readonly casePrefix = new Map<string, string>();

	constructor(
		readonly ref: Reference,
		readonly rng: Rng,
		now: number
	) {
		this.cal = new Calendar(now, WINDOW_DAYS);
		this.people = new People(ref.people);
		const today = Math.floor(now / DAY_MS);
		this.families = officialFamilies(ref);
		this.linked = linkedPeople(this.families);
		this.protectedList = protectedPeople(ref);
		this.isProtected = new Uint8Array(this.people.n);
		for (const p of this.protectedList) this.isProtected[p.index] = 1;
		const activity = activityWeights(this.people, rng.derive('activity'), today);
		const sorted = sortByBirth(this.people);
		for (const a of AGENCIES) this.casePrefix.set(AGENCY[a.key], a.casePrefix);

		// Officials by agency; the kadri persona is a busy inspector, so her code shows up often.
		const busy = new Set(ref.personas.filter((p) => p.key === 'kadri').map((p) => p.personal_code));
		const staffRng = rng.derive('staff');
		for (const o of ref.officials) {
			let s = this.staff.get(o.agency_code);
			if (!s) this.staff.set(o.agency_code, (s = new Staff()));
			// Employment dates are Tallinn dates: from local midnight to the next local midnight.
			const from = tallinnMidnightUtc(parseIsoDate(o.employed_from));
			const to = o.employed_to ? tallinnMidnightUtc(parseIsoDate(o.employed_to) + 1) : Infinity;
			s.add(`EE${o.personal_code}`, from, to, busy.has(o.personal_code) ? 6 : 0.3 - Math.log(1 - staffRng.float()));
		}

		const purposes = new Map(ref.purposes.map((p) => [p.code, p]));
		for (const spec of PURPOSES) {
			const row = purposes.get(spec.code);
			if (!row) continue; // a trimmed reference: skip what it does not describe
			const poolKey = `${spec.county ?? '*'}|${spec.sex ?? '*'}`;
			let pool = this.pools.get(poolKey);
			if (!pool) {
				const { county, sex } = spec;
				pool = new Pool(this.people, activity, sorted, (i) => (!county || this.people.county[i] === county) && (!sex || ref.people[i]!.sex === sex));
				this.pools.set(poolKey, pool);
			}
			const audience = new Audience(pool, spec.ages, today);
			if (audience.empty) continue;
			const agency = row.agency_code;
			const tpl: Template = {
				spec,
				agency,
				system: row.system,
				action: spec.action,
				code: row.code,
				legalBasis: row.legal_basis,
				categories: row.data_categories,
				rhythm: spec.hours ?? 'office',
				audience,
				staff: this.staff.get(agency) ?? null,
				casePrefix: this.casePrefix.get(agency) ?? 'CASE',
				service: spec.service ? `EE/GOV/${AGENCY[spec.service.provider]}/${spec.service.subsystem}/${spec.service.name}/v1` : '',
				ownClient: xroadClient(agency, row.system),
				clients: spec.clients ?? [],
				caseChars: Array.from(`${this.casePrefix.get(agency) ?? 'CASE'}-0000-000000`, (c) => c.charCodeAt(0)),
				viaClients: new Map()
			};
			this.templates.push(tpl);
			this.byCode.set(tpl.code, tpl);
		}
		if (this.templates.length === 0) throw new Error('no purpose has anyone to process: the reference data has no people');
	}

	/** Case numbers look like MTA-2025-004512: agency prefix, year, running number. */
	caseRef(tpl: Template, t: number, u: number = this.rng.float()): string {
		const c = tpl.caseChars;
		const end = c.length;
		let year = this.cal.year(t);
		let n = 1 + Math.floor(u * 999_999);
		for (let k = 1; k <= 6; k++, n = Math.floor(n / 10)) c[end - k] = 48 + (n % 10);
		for (let k = 8; k <= 11; k++, year = Math.floor(year / 10)) c[end - k] = 48 + (year % 10);
		return String.fromCharCode.apply(null, c);
	}

	/**
	 * An official's case reference for manual work: mostly set, sometimes forgotten, but
	 * always set where the purpose requires one (proceedings cannot be opened without a
	 * file). The draw is made either way, so the rest of the random stream stays the same.
	 */
	manualCaseRef(tpl: Template, t: number): string {
		const u = this.rng.float();
		this.caseForgotten = u < NO_CASE_SHARE;
		if (!this.caseForgotten) return this.caseRef(tpl, t);
		// The draw that forgot it numbers the case: no extra draw, the stream is unchanged.
		return tpl.spec.caseRequired ? this.caseRef(tpl, t, u / NO_CASE_SHARE) : '';
	}

	/** Whether `actor` is the person at `subject` or family of theirs (the relative-lookup rule's links). */
	isLinked(actor: string, subject: number): boolean {
		return this.linked.get(actor)?.has(subject) ?? false;
	}

	/**
	 * Whether the last manualCaseRef drew "forgotten" (even if it then numbered the case):
	 * a restricted event then draws its file number as it always did (events.ts), which
	 * keeps the random stream the same as before purposes required a case.
	 */
	caseForgotten = false;

	/** The intermediary for a via-capable purpose, '' when none applies to this subject. */
	intermediaryFor(tpl: Template, subject: number): string {
		const via = tpl.spec.via;
		if (!via || via.length === 0) return '';
		const v = via.length === 1 ? via[0]! : via[Math.floor(this.rng.float() * via.length)]!;
		const code = v === 'local' ? (LOCAL_CITY[this.people.county[subject]!] ? AGENCY[LOCAL_CITY[this.people.county[subject]!]!] : '') : AGENCY[v];
		return code === tpl.agency ? '' : code;
	}

	/** One event; the template supplies the agency's fields, the caller the circumstances. */
	make(tpl: Template, subject: number, t: number, f: EventFields = {}): UsageEvent {
		const rng = this.rng;
		const intermediary = f.intermediary ?? '';
		let client = '';
		let messageId = '';
		if (tpl.service !== '') {
			if (intermediary !== '') {
				let via = tpl.viaClients.get(intermediary);
				if (via === undefined) tpl.viaClients.set(intermediary, (via = xroadClient(intermediary, intermediary === AGENCY.ria ? 'eesti' : tpl.system)));
				client = via;
			} else if (tpl.clients.length > 0) client = tpl.clients[Math.floor(rng.float() * tpl.clients.length)]!;
			else client = tpl.ownClient;
			messageId = rng.uuid();
		}
		const disclose = f.discloseAfter ?? null;
		return {
			event_id: rng.uuid(),
			logged_at: this.cal.format(t),
			subject_code: this.people.subject[subject]!,
			agency_code: tpl.agency,
			system: tpl.system,
			action: tpl.action,
			purpose_code: tpl.code,
			legal_basis: tpl.legalBasis,
			actor_code: f.actor ?? '',
			case_ref: f.caseRef ?? '',
			data_categories: tpl.categories.slice(),
			intermediary_code: intermediary,
			xroad_client: client,
			xroad_service: tpl.service,
			xroad_message_id: messageId,
			visibility: f.visibility ?? 'visible',
			disclose_after: disclose === null ? null : rfc3339(disclose),
			bulk: f.bulk ?? false
		};
	}
}
