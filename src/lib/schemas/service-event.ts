/**
 * An e-service use as the providing agency sends it (POST /api/v1/service-events): when,
 * which of the agency's services, through which channel, with what outcome, and who used
 * it: EITHER user_code (looked up in the population register for birth year and county)
 * OR user_age_band + user_county + user_pseudonym (the agency's own opaque id of the user,
 * so distinct users can be counted). The code never reaches storage.
 */
import { z } from 'zod';
import { AGE_BANDS, CHANNELS, COUNTY_NAMES, SERVICE_OUTCOMES, type AgeBand, type Channel, type CountyName, type ServiceOutcome } from '../stats/dimensions';
import { checkEventId, checkEventTime, checkPersonalCode, checkPseudonym, fail, firstIssue, identityForm, oneOf, tallinnYear, text, type Checked, type CodedPerson } from './feed-common';

/** An agency's own code for one of its services, e.g. income-tax-return. */
export const SERVICE_CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const REGISTRY_CODE = /^\d{8}$/;

const fields = z
	.object({
		event_id: text,
		used_at: text,
		agency_code: text,
		service: text,
		channel: oneOf(CHANNELS),
		outcome: oneOf(SERVICE_OUTCOMES),
		user_code: text.optional(),
		user_age_band: oneOf(AGE_BANDS).optional(),
		user_county: oneOf(COUNTY_NAMES).optional(),
		user_pseudonym: text.optional()
	})
	.strict();

export type ServiceEventInput = z.input<typeof fields>;

export type ServiceUser = ({ kind: 'code' } & CodedPerson) | { kind: 'pseudonym'; pseudonym: string; ageBand: AgeBand; county: CountyName };

export interface ServiceEvent {
	event_id: string;
	/** Epoch milliseconds. */
	usedAt: number;
	agency_code: string;
	service: string;
	channel: Channel;
	outcome: ServiceOutcome;
	user: ServiceUser;
}

const USER_PARTS = ['user_age_band', 'user_county', 'user_pseudonym'] as const;

/** Validate one decoded JSON value: the event, or the first field at fault. The agency is checked against the key by the caller. */
export function validateServiceEvent(value: unknown, now = Date.now()): Checked<ServiceEvent> {
	const shape = fields.safeParse(value);
	if (!shape.success) return { ok: false, ...firstIssue(shape.error) };
	const e = shape.data;
	const id = checkEventId(e.event_id);
	if (!id.ok) return id;
	const at = checkEventTime('used_at', e.used_at, now);
	if (!at.ok) return at;
	if (!REGISTRY_CODE.test(e.agency_code)) return fail('agency_code', 'must be an 8-digit registry code');
	if (!SERVICE_CODE.test(e.service)) {
		return fail('service', 'must be 1-64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit');
	}
	const form = identityForm(e, 'user_code', USER_PARTS);
	if (!form.ok) return form;
	let user: ServiceUser;
	if (form.value === 'code') {
		const person = checkPersonalCode('user_code', e.user_code!, tallinnYear(at.value));
		if (!person.ok) return person;
		user = { kind: 'code', ...person.value };
	} else {
		const pseudonym = checkPseudonym('user_pseudonym', e.user_pseudonym!);
		if (!pseudonym.ok) return pseudonym;
		user = { kind: 'pseudonym', pseudonym: pseudonym.value, ageBand: e.user_age_band!, county: e.user_county! };
	}
	return {
		ok: true,
		value: { event_id: id.value, usedAt: at.value, agency_code: e.agency_code, service: e.service, channel: e.channel, outcome: e.outcome, user }
	};
}
