/**
 * An e-signature event as a trust service provider sends it (POST /api/v1/signature-events):
 * when, how (method), for whom (the relying party's sector), in what container, and who
 * signed: EITHER signer_code (looked up in the population register for birth year and
 * county) OR signer_birth_year + signer_county + signer_pseudonym (the sender's own opaque
 * id of the signer, so distinct signers can be counted). The code never reaches storage.
 */
import { z } from 'zod';
import { CONTAINERS, COUNTY_NAMES, SECTORS, SIGNATURE_METHODS, type Container, type CountyName, type Sector, type SignatureMethod } from '../stats/dimensions';
import { checkEventId, checkEventTime, checkPersonalCode, checkPseudonym, fail, firstIssue, identityForm, oneOf, tallinnYear, text, type Checked, type CodedPerson } from './feed-common';

/** Signers born before this are surely a typo. */
export const EARLIEST_BIRTH_YEAR = 1900;

const fields = z
	.object({
		event_id: text,
		signed_at: text,
		method: oneOf(SIGNATURE_METHODS),
		sector: oneOf(SECTORS),
		container: oneOf(CONTAINERS),
		signer_code: text.optional(),
		signer_birth_year: z.number({ message: 'must be a number' }).optional(),
		signer_county: oneOf(COUNTY_NAMES).optional(),
		signer_pseudonym: text.optional()
	})
	.strict();

export type SignatureEventInput = z.input<typeof fields>;

/** The signer: by code (its birth year read from it), or as the sender described them. */
export type Signer = ({ kind: 'code' } & CodedPerson) | { kind: 'pseudonym'; pseudonym: string; birthYear: number; county: CountyName };

export interface SignatureEvent {
	event_id: string;
	/** Epoch milliseconds. */
	signedAt: number;
	method: SignatureMethod;
	sector: Sector;
	container: Container;
	signer: Signer;
}

const SIGNER_PARTS = ['signer_birth_year', 'signer_county', 'signer_pseudonym'] as const;

/** Validate one decoded JSON value: the event, or the first field at fault. */
export function validateSignatureEvent(value: unknown, now = Date.now()): Checked<SignatureEvent> {
	const shape = fields.safeParse(value);
	if (!shape.success) return { ok: false, ...firstIssue(shape.error) };
	const e = shape.data;
	const id = checkEventId(e.event_id);
	if (!id.ok) return id;
	const at = checkEventTime('signed_at', e.signed_at, now);
	if (!at.ok) return at;
	const form = identityForm(e, 'signer_code', SIGNER_PARTS);
	if (!form.ok) return form;
	const year = tallinnYear(at.value);
	let signer: Signer;
	if (form.value === 'code') {
		const person = checkPersonalCode('signer_code', e.signer_code!, year);
		if (!person.ok) return person;
		signer = { kind: 'code', ...person.value };
	} else {
		const born = e.signer_birth_year!;
		if (!Number.isInteger(born) || born < EARLIEST_BIRTH_YEAR || born > year) {
			return fail('signer_birth_year', `must be a whole year from ${EARLIEST_BIRTH_YEAR} to the year of signed_at`);
		}
		const pseudonym = checkPseudonym('signer_pseudonym', e.signer_pseudonym!);
		if (!pseudonym.ok) return pseudonym;
		signer = { kind: 'pseudonym', pseudonym: pseudonym.value, birthYear: born, county: e.signer_county! };
	}
	return { ok: true, value: { event_id: id.value, signedAt: at.value, method: e.method, sector: e.sector, container: e.container, signer } };
}
