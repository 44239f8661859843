/** Every detection rule, in the order of RULE_IDS (src/lib/oversight/rules.ts). */
import { RULE_IDS } from '../../../oversight/rules';
import type { DetectionRule } from '../types';
import { rule as afterEmployment } from './after-employment';
import { rule as consecutiveCodes } from './consecutive-codes';
import { rule as manyOfficials } from './many-officials';
import { rule as noCaseRef } from './no-case-ref';
import { rule as offHours } from './off-hours';
import { rule as protectedPerson } from './protected-person';
import { rule as relativeLookup } from './relative-lookup';
import { rule as selfLookup } from './self-lookup';
import { rule as volumeSpike } from './volume-spike';

const ALL = [selfLookup, relativeLookup, protectedPerson, noCaseRef, offHours, volumeSpike, manyOfficials, consecutiveCodes, afterEmployment];

export const RULES_BY_ID: ReadonlyMap<string, DetectionRule> = new Map(ALL.map((r) => [r.id, r]));

export const RULES: readonly DetectionRule[] = RULE_IDS.map((id) => {
	const r = RULES_BY_ID.get(id);
	if (!r) throw new Error(`detection rule ${id} has no module`);
	return r;
});
