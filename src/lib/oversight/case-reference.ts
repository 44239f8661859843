/**
 * Why an auditor looks at people's records: a case reference, required before any page
 * shows a person's events, and written on the usage event that records the look-up (so the
 * person sees it on their timeline). An oversight case or an alert has its own reference.
 */
import { z } from 'zod';

export const caseReference = z
	.string({ message: 'give the case reference the look-up is for' })
	.trim()
	.min(3, 'a case reference has at least 3 characters')
	.max(200, 'a case reference has at most 200 characters')
	.regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:/#-]*$/u, 'a case reference has letters, digits, spaces and . _ : / # - only');

export function caseRefOfCase(caseId: string): string {
	return `AKI-CASE-${caseId}`;
}

export function caseRefOfAlert(alertId: string): string {
	return `AKI-ALERT-${alertId}`;
}
