/**
 * The seeded population as the statistics feeds' seeds draw from it: people grouped by
 * birth year and county, drawn by a weight on those two (how likely someone of that age
 * and place signs or uses a service), and within a group unevenly, since a few people
 * sign far more than most. Person keys are computed once per person drawn.
 */
import { COUNTY_NAMES, type CountyName } from '../../stats/dimensions';
import { personKey } from '../stats/person-key';
import { makeWeighted, type Rng, type Sampler } from './random';
import type { Reference } from './reference';

interface Group {
	birthYear: number;
	county: CountyName;
	members: Int32Array;
}

const COUNTIES: ReadonlySet<string> = new Set(COUNTY_NAMES);

export class FeedPeople {
	private readonly groups: Group[] = [];
	readonly birthYear: Uint16Array;
	readonly county: CountyName[];
	private readonly keys: BigUint64Array;
	private readonly keyed: Uint8Array;

	constructor(private readonly ref: Reference) {
		const n = ref.people.length;
		this.birthYear = new Uint16Array(n);
		this.county = new Array<CountyName>(n);
		this.keys = new BigUint64Array(n);
		this.keyed = new Uint8Array(n);
		const byGroup = new Map<string, number[]>();
		ref.people.forEach((p, i) => {
			const year = Number(p.birth_date.slice(0, 4));
			const county = COUNTIES.has(p.county) ? (p.county as CountyName) : 'unknown';
			this.birthYear[i] = year;
			this.county[i] = county;
			const k = `${year}|${county}`;
			let list = byGroup.get(k);
			if (!list) byGroup.set(k, (list = []));
			list.push(i);
		});
		for (const [k, list] of byGroup) {
			const [year, county] = k.split('|') as [string, CountyName];
			this.groups.push({ birthYear: Number(year), county, members: Int32Array.from(list) });
		}
		// Map order follows the people's order, which is deterministic; sort anyway so the draw never depends on it.
		this.groups.sort((a, b) => a.birthYear - b.birthYear || a.county.localeCompare(b.county));
	}

	/**
	 * A sampler of person indexes: a group by weight(birthYear, county) times its size, then
	 * a member, the first members of a group more often than the last (skew > 1), or null
	 * when nobody has any weight.
	 */
	sampler(weight: (birthYear: number, county: CountyName) => number, skew = 1.6): Sampler<number> | null {
		const weights = this.groups.map((g) => Math.max(0, weight(g.birthYear, g.county)) * g.members.length);
		if (!weights.some((w) => w > 0)) return null;
		const group = makeWeighted(this.groups, weights);
		return (rng: Rng) => {
			const members = group(rng).members;
			return members[Math.floor(members.length * rng.float() ** skew)]!;
		};
	}

	/** The person's statistics key (computed on first use). */
	key(i: number): bigint {
		if (this.keyed[i] === 0) {
			this.keys[i] = personKey(this.ref.people[i]!.personal_code);
			this.keyed[i] = 1;
		}
		return this.keys[i]!;
	}
}
