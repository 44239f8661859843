/**
 * Demo e-service use: a catalogue of real-looking e-services of the seeded agencies (names
 * in English, Estonian and Russian, stored in e_service), used by people of the seeded
 * register who would use them (ages, a city's own residents), mostly on the web, some in
 * mobile apps, machine to machine (accounting software filing for a company) and a few at
 * a service desk; mostly completed. Each service has its own season (income tax returns
 * from 15 February to 30 April, annual reports before 30 June, ...), the week's rhythm and
 * growth over the usage events' two-year window. Batches go through the feed's writer, the
 * API's commit path. Deterministic for (ref, count, seed, now).
 */
import { tallinnYear } from '../../schemas/feed-common';
import { ageBand, CHANNELS, type Channel, type CountyName, type ServiceOutcome } from '../../stats/dimensions';
import { insertRows } from '../db/query';
import { commitStream, type FeedCounts } from '../feeds/commit-stream';
import { commitServiceRows, serviceRows, type ServiceRow } from '../feeds/services';
import { Calendar } from './calendar';
import { AGENCY, type AgencyKey } from './catalogue';
import { civilFromDays, HOUR_MS, weekday } from './dates';
import { WINDOW_DAYS } from './factory';
import { FeedPeople } from './feed-people';
import { makeWeighted, Rng, searchCumulative, type Sampler } from './random';
import type { Reference } from './reference';
import { FEED_SEED_BATCH, type FeedSeedOptions } from './signatures';

export interface ServiceSpec {
	agency: AgencyKey;
	code: string;
	en: string;
	et: string;
	ru: string;
	/** Relative volume over the window. */
	weight: number;
	/** Ages of its users (in the reference year). */
	ages: readonly [number, number];
	/** Only the residents of this county (a city's own services). */
	county?: CountyName;
	/** Shares of web, mobile app, machine to machine, service desk (CHANNELS' order). */
	channels?: readonly [number, number, number, number];
	/** Share completed; the rest failed (a third) or abandoned. */
	completed?: number;
	/** Relative use on a calendar date (month 1-12, day 1-31); default 1. */
	season?: (month: number, day: number) => number;
}

const months = (factors: Record<number, number>, otherwise = 1) => (month: number) => factors[month] ?? otherwise;

export const SERVICES: readonly ServiceSpec[] = [
	{
		agency: 'tax', code: 'income-tax-return', en: 'Filing your income tax return', et: 'Tuludeklaratsiooni esitamine', ru: 'Подача декларации о доходах',
		weight: 6, ages: [18, 100], channels: [0.8, 0.14, 0, 0.06], completed: 0.93,
		// Returns open on 15 February (most are filed in its first days) and close on 30 April.
		season: (m, d) => (m === 2 && d >= 15 ? (d < 20 ? 30 : 12) : m === 3 ? 6 : m === 4 ? (d > 24 ? 8 : 4) : 0.1)
	},
	{ agency: 'tax', code: 'vat-return', en: 'Filing a VAT return', et: 'Käibedeklaratsiooni esitamine', ru: 'Подача декларации по налогу с оборота', weight: 3, ages: [22, 75], channels: [0.55, 0, 0.43, 0.02], completed: 0.97, season: (_m, d) => (d >= 10 && d <= 20 ? 3 : 0.5) },
	{ agency: 'tax', code: 'employment-register', en: 'Registering employment', et: 'Töötamise registreerimine', ru: 'Регистрация трудовой деятельности', weight: 2.5, ages: [25, 70], channels: [0.5, 0, 0.48, 0.02], completed: 0.96 },
	{ agency: 'transport', code: 'vehicle-registration', en: 'Registering a vehicle', et: 'Sõiduki registreerimine', ru: 'Регистрация транспортного средства', weight: 1.2, ages: [18, 85], channels: [0.6, 0.05, 0, 0.35], season: months({ 3: 1.3, 4: 1.4, 5: 1.3, 12: 0.7 }) },
	{ agency: 'transport', code: 'driving-licence-renewal', en: 'Renewing a driving licence', et: 'Juhiloa vahetamine', ru: 'Замена водительских прав', weight: 0.8, ages: [18, 85], channels: [0.7, 0.02, 0, 0.28] },
	{ agency: 'healthIt', code: 'patient-portal', en: 'Viewing your health records', et: 'Terviseandmete vaatamine (terviseportaal)', ru: 'Просмотр медицинских данных (портал пациента)', weight: 8, ages: [16, 100], channels: [0.62, 0.38, 0, 0], completed: 0.98, season: months({ 1: 1.2, 2: 1.2, 11: 1.1, 12: 1.1, 7: 0.8 }) },
	{ agency: 'healthIt', code: 'doctor-booking', en: "Booking a doctor's appointment", et: 'Arsti vastuvõtule registreerimine', ru: 'Запись на приём к врачу', weight: 4, ages: [16, 100], channels: [0.6, 0.35, 0, 0.05], completed: 0.86, season: months({ 1: 1.2, 2: 1.2, 7: 0.7 }) },
	{ agency: 'healthFund', code: 'prescriptions', en: 'Your digital prescriptions', et: 'Digiretseptid', ru: 'Цифровые рецепты', weight: 5, ages: [18, 100], channels: [0.5, 0.3, 0, 0.2], completed: 0.97 },
	{ agency: 'healthFund', code: 'ehic-application', en: 'Applying for a European Health Insurance Card', et: 'Euroopa ravikindlustuskaardi taotlemine', ru: 'Заявление на европейскую карту медицинского страхования', weight: 0.4, ages: [18, 85], channels: [0.85, 0.05, 0, 0.1], season: months({ 5: 1.8, 6: 2.2, 7: 1.8 }) },
	{ agency: 'interior', code: 'residence-registration', en: 'Registering your place of residence', et: 'Elukoha registreerimine', ru: 'Регистрация места жительства', weight: 0.9, ages: [18, 80], channels: [0.8, 0, 0, 0.2], completed: 0.9, season: months({ 8: 1.6, 9: 1.7 }) },
	{ agency: 'registers', code: 'company-registration', en: 'Founding a company', et: 'Ettevõtte asutamine', ru: 'Создание предприятия', weight: 0.3, ages: [20, 70], channels: [0.97, 0, 0, 0.03], completed: 0.82 },
	{ agency: 'registers', code: 'annual-report', en: 'Filing an annual report', et: 'Majandusaasta aruande esitamine', ru: 'Подача годового отчёта', weight: 1.5, ages: [25, 75], channels: [0.95, 0, 0.05, 0], completed: 0.9, season: months({ 4: 2, 5: 3, 6: 6 }, 0.3) },
	{ agency: 'registers', code: 'land-register-extract', en: 'Land register extract', et: 'Kinnistusraamatu väljavõte', ru: 'Выписка из земельной книги', weight: 0.8, ages: [25, 85], channels: [0.9, 0, 0, 0.1], completed: 0.98 },
	{ agency: 'unemployment', code: 'unemployment-registration', en: 'Registering as unemployed', et: 'Töötuna arvelevõtmine', ru: 'Регистрация в качестве безработного', weight: 0.6, ages: [18, 64], channels: [0.7, 0, 0, 0.3], completed: 0.85, season: months({ 1: 1.4, 2: 1.3, 12: 1.2, 7: 0.8 }) },
	{ agency: 'unemployment', code: 'unemployment-benefit', en: 'Applying for unemployment benefit', et: 'Töötuskindlustushüvitise taotlemine', ru: 'Заявление на пособие по безработице', weight: 0.4, ages: [18, 64], channels: [0.75, 0, 0, 0.25], completed: 0.87 },
	{ agency: 'socialInsurance', code: 'parental-benefit', en: 'Applying for parental benefit', et: 'Vanemahüvitise taotlemine', ru: 'Заявление на родительское пособие', weight: 0.4, ages: [20, 45], channels: [0.9, 0, 0, 0.1] },
	{ agency: 'socialInsurance', code: 'pension-application', en: 'Applying for an old-age pension', et: 'Vanaduspensioni taotlemine', ru: 'Заявление на пенсию по старости', weight: 0.25, ages: [63, 75], channels: [0.55, 0, 0, 0.45] },
	{ agency: 'police', code: 'id-card-application', en: 'Applying for an ID card', et: 'ID-kaardi taotlemine', ru: 'Заявление на ID-карту', weight: 0.9, ages: [15, 90], channels: [0.7, 0, 0, 0.3], season: months({ 6: 1.3, 7: 1.3 }) },
	{ agency: 'police', code: 'passport-application', en: 'Applying for a passport', et: 'Passi taotlemine', ru: 'Заявление на паспорт', weight: 0.4, ages: [15, 90], channels: [0.65, 0, 0, 0.35], season: months({ 5: 1.6, 6: 1.8, 7: 1.4 }) },
	{ agency: 'justice', code: 'criminal-record-extract', en: 'Criminal records extract', et: 'Karistusregistri väljavõte', ru: 'Выписка из регистра наказаний', weight: 0.3, ages: [18, 70], channels: [0.9, 0, 0.05, 0.05], completed: 0.97 },
	{ agency: 'tallinn', code: 'kindergarten-application', en: 'Applying for a kindergarten place', et: 'Lasteaiakoha taotlemine', ru: 'Заявление на место в детском саду', weight: 0.25, ages: [22, 45], county: 'Harju County', channels: [0.92, 0, 0, 0.08], season: months({ 3: 1.5, 4: 1.5, 5: 1.3 }) },
	{ agency: 'tallinn', code: 'parking-permit', en: 'Residential parking permit', et: 'Elaniku parkimisluba', ru: 'Разрешение на парковку для жителей', weight: 0.35, ages: [20, 85], county: 'Harju County', channels: [0.6, 0.4, 0, 0] }
];

/** e_service rows: the names the statistics site shows. */
export function eServiceRows(): Record<string, unknown>[] {
	return SERVICES.map((s) => ({ agency_code: AGENCY[s.agency], code: s.code, name_en: s.en, name_et: s.et, name_ru: s.ru, version: 1 }));
}

/** Citizens' hours: the working day, and the evening after it. */
const USER_HOURS = [0.1, 0.05, 0.03, 0.02, 0.02, 0.05, 0.2, 0.5, 0.9, 1.1, 1.2, 1.2, 1.1, 1.1, 1.1, 1, 1, 1, 1, 1, 0.9, 0.7, 0.4, 0.2];
const DEFAULT_CHANNELS = [0.7, 0.15, 0.1, 0.05] as const;

interface Prepared {
	spec: ServiceSpec;
	agency: string;
	user: Sampler<number>;
	channel: Sampler<Channel>;
	dayCum: Float64Array;
	completed: number;
}

function cumulative(weights: ArrayLike<number>): Float64Array {
	const out = new Float64Array(weights.length);
	let total = 0;
	for (let i = 0; i < weights.length; i++) out[i] = total += weights[i]!;
	return out;
}

export function* generateServiceUses(ref: Reference, opts: FeedSeedOptions): Generator<ServiceRow[], void, undefined> {
	const batchSize = opts.batchSize ?? FEED_SEED_BATCH;
	if (!Number.isInteger(opts.count) || opts.count < 0) throw new Error(`services must be a non-negative integer, got ${opts.count}`);
	if (opts.count === 0) return;
	const now = Math.floor(opts.now === undefined ? Date.now() : typeof opts.now === 'number' ? opts.now : opts.now.getTime());
	const rng = new Rng(`peegel-services:${opts.seed}`);
	const people = new FeedPeople(ref);
	const referenceYear = Number(ref.asOf.slice(0, 4));
	const cal = new Calendar(now, WINDOW_DAYS);
	const dates = Array.from({ length: cal.days }, (_, i) => civilFromDays(cal.first + i));
	const prepared: Prepared[] = [];
	for (const spec of SERVICES) {
		const [lo, hi] = spec.ages;
		const user = people.sampler((born, county) => {
			const age = referenceYear - born;
			return age >= lo && age <= hi && (!spec.county || county === spec.county) ? 1 : 0;
		}, 1.3);
		if (!user) continue; // nobody of that age or place in a tiny register
		const weekend = spec.channels && spec.channels[3] > 0.3 ? 0.15 : 0.45;
		const days = dates.map((c, i) => {
			const wd = weekday(cal.first + i);
			const trend = 0.85 + (0.3 * i) / cal.days;
			return trend * (wd === 0 || wd === 6 ? weekend : 1) * (spec.season?.(c.month, c.day) ?? 1);
		});
		prepared.push({
			spec,
			agency: AGENCY[spec.agency],
			user,
			channel: makeWeighted(CHANNELS, spec.channels ?? DEFAULT_CHANNELS),
			dayCum: cumulative(days),
			completed: spec.completed ?? 0.92
		});
	}
	if (prepared.length === 0) return;
	const pickService = makeWeighted(prepared, prepared.map((p) => p.spec.weight));
	const hourCum = cumulative(USER_HOURS);
	const hourTotal = hourCum[23]!;

	let batch: ServiceRow[] = [];
	for (let made = 0; made < opts.count; ) {
		const s = pickService(rng);
		const dayTotal = s.dayCum[cal.days - 1]!;
		const day = searchCumulative(s.dayCum, rng.float() * dayTotal, 0, cal.days - 1);
		const hour = searchCumulative(hourCum, rng.float() * hourTotal, 0, 23);
		const t = cal.start[day]! + hour * HOUR_MS + Math.floor(rng.float() * HOUR_MS);
		if (t >= now) continue; // today's later hours have not happened yet
		const i = s.user(rng);
		const u = rng.float();
		const outcome: ServiceOutcome = u < s.completed ? 'completed' : u < s.completed + (1 - s.completed) / 3 ? 'failed' : 'abandoned';
		const channel = s.channel(rng);
		batch.push({
			event_id: rng.uuid(),
			usedAt: t,
			agency: s.agency,
			service: s.spec.code,
			channel,
			// At a service desk the official finishes what was started.
			outcome: channel === 'service_desk' && outcome === 'abandoned' ? 'completed' : outcome,
			ageBand: ageBand(people.birthYear[i]!, tallinnYear(t)),
			county: people.county[i]!,
			personKey: people.key(i)
		});
		made++;
		if (batch.length === batchSize) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}

/** Store the catalogue's names, then generate and commit the demo service uses through the feed's writer. */
export async function seedServices(ref: Reference, opts: FeedSeedOptions, onCommitted?: (c: FeedCounts) => void): Promise<FeedCounts> {
	await insertRows('e_service', eServiceRows());
	return commitStream(generateServiceUses(ref, opts), (rows) => commitServiceRows(serviceRows(rows)), onCommitted);
}
