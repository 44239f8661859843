/**
 * The oversight body as a processor of personal data: its registry code, information
 * system and purpose, under which every auditor's look-up of a person is recorded
 * (migration 0012 adds the purpose to the catalogue).
 */
export const OVERSIGHT_AGENCY = '70004235'; // Data Protection Inspectorate
export const OVERSIGHT_SYSTEM = 'AKI-MR';
export const OVERSIGHT_PURPOSE = 'AKI-OVERSIGHT';
export const OVERSIGHT_LEGAL_BASIS = 'Personal Data Protection Act § 56';
/** What an auditor's look-up uses of a person's data: the records of its uses. */
export const OVERSIGHT_CATEGORIES = ['usage.records'] as const;
