/**
 * The demo's public sector: agencies with fixed registry codes (tests and docs name them),
 * their information systems, and the purpose catalogue. Each purpose also carries the
 * hints the event generator needs (volume, how manual, whom it concerns, X-Road service),
 * so the catalogue is the one place that says what processing looks like.
 */

export const AGENCY = {
	interior: '70000562',
	tax: '70000349',
	police: '70008747',
	socialInsurance: '70001975',
	healthFund: '74000091',
	unemployment: '74000085',
	registers: '70000310',
	healthIt: '70009770',
	transport: '70001490',
	security: '70008440',
	tallinn: '75014920',
	tartu: '75006546',
	narva: '75008427',
	parnu: '75000245',
	ria: '70006317',
	education: '70000740',
	dataProtection: '70004235',
	justice: '70000898',
	socialAffairs: '70001952',
	statistics: '70000332',
	prosecutor: '70000906',
	healthBoard: '70008799',
	rescue: '70000585',
	defence: '70008641',
	land: '70003098',
	emergency: '70007750'
} as const;

export type AgencyKey = keyof typeof AGENCY;
export type AgencyKind = 'ministry' | 'board' | 'fund' | 'centre' | 'local_government' | 'security' | 'inspectorate' | 'prosecution';

export interface AgencySpec {
	key: AgencyKey;
	name: string;
	name_et: string;
	kind: AgencyKind;
	/** Relative head count: where officials work. */
	staff: number;
	/** Prefix of the agency's case numbers, e.g. MTA-2025-004512. */
	casePrefix: string;
	titles: readonly string[];
	systems: readonly { code: string; name: string }[];
}

export const AGENCIES: readonly AgencySpec[] = [
	{ key: 'interior', name: 'Ministry of the Interior (Population Register keeper)', name_et: 'Siseministeerium', kind: 'ministry', staff: 6, casePrefix: 'SIM', titles: ['Registry specialist', 'Chief specialist', 'Adviser'], systems: [{ code: 'RR', name: 'Population Register' }] },
	{ key: 'tax', name: 'Tax and Customs Board', name_et: 'Maksu- ja Tolliamet', kind: 'board', staff: 15, casePrefix: 'MTA', titles: ['Tax auditor', 'Customer service specialist', 'Customs officer', 'Investigator', 'Chief specialist'], systems: [{ code: 'EMTA', name: 'e-Tax Board' }, { code: 'MKR', name: 'Register of Taxable Persons' }, { code: 'TOLL', name: 'Customs Information System' }] },
	{ key: 'police', name: 'Police and Border Guard Board', name_et: 'Politsei- ja Piirivalveamet', kind: 'board', staff: 20, casePrefix: 'PPA', titles: ['Police officer', 'Senior inspector', 'Border guard', 'Investigator', 'Document specialist'], systems: [{ code: 'POLIS', name: 'Police Information System' }, { code: 'DOK', name: 'Identity Documents Database' }, { code: 'PIIR', name: 'Border Crossing Register' }] },
	{ key: 'socialInsurance', name: 'Social Insurance Board', name_et: 'Sotsiaalkindlustusamet', kind: 'board', staff: 10, casePrefix: 'SKA', titles: ['Benefits specialist', 'Case manager', 'Pension specialist', 'Disability assessor'], systems: [{ code: 'SKAIS', name: 'Social Insurance Information System' }, { code: 'PENS', name: 'State Pension Register' }] },
	{ key: 'healthFund', name: 'Health Insurance Fund', name_et: 'Tervisekassa', kind: 'fund', staff: 7, casePrefix: 'TK', titles: ['Insurance specialist', 'Claims analyst', 'Pharmacist (contract pharmacy)', 'Customer service specialist'], systems: [{ code: 'TKIS', name: 'Health Insurance Information System' }, { code: 'RETSEPT', name: 'Prescription Centre' }] },
	{ key: 'unemployment', name: 'Unemployment Insurance Fund', name_et: 'Eesti Töötukassa', kind: 'fund', staff: 8, casePrefix: 'TTK', titles: ['Employment counsellor', 'Case manager', 'Benefits specialist'], systems: [{ code: 'EMPIS', name: 'Unemployment Insurance Information System' }] },
	{ key: 'registers', name: 'Centre of Registers and Information Systems (RIK)', name_et: 'Registrite ja Infosüsteemide Keskus', kind: 'centre', staff: 4, casePrefix: 'RIK', titles: ['Registry official', 'Land registry judge assistant', 'Court clerk'], systems: [{ code: 'ARIREG', name: 'Commercial Register' }, { code: 'KR', name: 'e-Land Register' }, { code: 'KIS', name: 'Court Information System' }] },
	{ key: 'healthIt', name: 'Health and Welfare Information Systems Centre (TEHIK)', name_et: 'Tervise ja Heaolu Infosüsteemide Keskus', kind: 'centre', staff: 12, casePrefix: 'TEHIK', titles: ['Physician (health care provider)', 'Nurse (health care provider)', 'Family physician (health care provider)', 'Health data specialist'], systems: [{ code: 'TIS', name: 'Health Information System' }, { code: 'IMMU', name: 'Immunisation Register' }] },
	{ key: 'transport', name: 'Transport Administration', name_et: 'Transpordiamet', kind: 'board', staff: 5, casePrefix: 'TRAM', titles: ['Service bureau specialist', 'Driving examiner', 'Registry specialist'], systems: [{ code: 'LR', name: 'Traffic Register' }, { code: 'EKSAM', name: 'Driving Examination System' }] },
	{ key: 'security', name: 'Estonian Internal Security Service', name_et: 'Kaitsepolitseiamet', kind: 'security', staff: 2, casePrefix: 'KAPO', titles: ['Officer', 'Analyst'], systems: [{ code: 'KAPO-IS', name: 'Security Information System' }] },
	{ key: 'tallinn', name: 'Tallinn City Government', name_et: 'Tallinna Linnavalitsus', kind: 'local_government', staff: 8, casePrefix: 'TLN', titles: ['Social worker', 'Education specialist', 'Parking inspector', 'Child protection specialist'], systems: [{ code: 'TLN-SOTS', name: 'Tallinn Social Welfare Information System' }, { code: 'TLN-KOOL', name: 'Kindergarten and School Admissions' }, { code: 'TLN-PARK', name: 'Parking Enforcement System' }] },
	{ key: 'tartu', name: 'Tartu City Government', name_et: 'Tartu Linnavalitsus', kind: 'local_government', staff: 3, casePrefix: 'TRT', titles: ['Social worker', 'Education specialist'], systems: [{ code: 'TRT-SOTS', name: 'Tartu Social Welfare Records' }, { code: 'TRT-KOOL', name: 'Tartu School Admissions' }] },
	{ key: 'narva', name: 'Narva City Government', name_et: 'Narva Linnavalitsus', kind: 'local_government', staff: 2, casePrefix: 'NRV', titles: ['Social worker'], systems: [{ code: 'NRV-SOTS', name: 'Narva Social Welfare Records' }] },
	{ key: 'parnu', name: 'Pärnu City Government', name_et: 'Pärnu Linnavalitsus', kind: 'local_government', staff: 1.5, casePrefix: 'PRN', titles: ['Social worker'], systems: [{ code: 'PRN-SOTS', name: 'Pärnu Social Welfare Records' }] },
	{ key: 'ria', name: 'Information System Authority (RIA)', name_et: 'Riigi Infosüsteemi Amet', kind: 'board', staff: 2, casePrefix: 'RIA', titles: ['Service manager', 'Security engineer', 'Platform administrator'], systems: [{ code: 'XTEE', name: 'X-Road Central Services' }, { code: 'EESTI', name: 'State Portal eesti.ee' }] },
	{ key: 'education', name: 'Ministry of Education and Research', name_et: 'Haridus- ja Teadusministeerium', kind: 'ministry', staff: 2, casePrefix: 'HTM', titles: ['EHIS specialist', 'Chief specialist'], systems: [{ code: 'EHIS', name: 'Estonian Education Information System' }, { code: 'ETIS', name: 'Estonian Research Information System' }] },
	{ key: 'dataProtection', name: 'Data Protection Inspectorate', name_et: 'Andmekaitse Inspektsioon', kind: 'inspectorate', staff: 1, casePrefix: 'AKI', titles: ['Chief inspector', 'Lawyer'], systems: [{ code: 'AKI-MR', name: 'Supervision Proceedings Register' }] },
	{ key: 'justice', name: 'Ministry of Justice and Digital Affairs', name_et: 'Justiits- ja Digiministeerium', kind: 'ministry', staff: 2, casePrefix: 'JDM', titles: ['Registry specialist', 'Adviser'], systems: [{ code: 'KARR', name: 'Punishment Register' }, { code: 'ETOIMIK', name: 'e-File' }] },
	{ key: 'socialAffairs', name: 'Ministry of Social Affairs', name_et: 'Sotsiaalministeerium', kind: 'ministry', staff: 2, casePrefix: 'SOM', titles: ['Adviser', 'Chief specialist'], systems: [{ code: 'STAR', name: 'Social Services and Benefits Register' }] },
	{ key: 'statistics', name: 'Statistics Estonia', name_et: 'Statistikaamet', kind: 'board', staff: 2, casePrefix: 'STAT', titles: ['Statistician', 'Analyst'], systems: [{ code: 'STAT', name: 'Register-based Statistics System' }] },
	{ key: 'prosecutor', name: "Prosecutor's Office", name_et: 'Prokuratuur', kind: 'prosecution', staff: 2, casePrefix: 'PROK', titles: ['Prosecutor', 'Assistant prosecutor'], systems: [{ code: 'KRMR', name: 'Criminal Proceedings Register' }] },
	{ key: 'healthBoard', name: 'Health Board', name_et: 'Terviseamet', kind: 'board', staff: 2, casePrefix: 'TA', titles: ['Epidemiologist', 'Health inspector'], systems: [{ code: 'NAKIS', name: 'Communicable Diseases Register' }] },
	{ key: 'rescue', name: 'Rescue Board', name_et: 'Päästeamet', kind: 'board', staff: 3, casePrefix: 'PA', titles: ['Fire safety adviser', 'Rescuer'], systems: [{ code: 'PRIS', name: 'Rescue Information System' }] },
	{ key: 'defence', name: 'Estonian Defence Resources Agency', name_et: 'Kaitseressursside Amet', kind: 'board', staff: 2, casePrefix: 'KRA', titles: ['Conscription specialist', 'Medical examiner'], systems: [{ code: 'KVKR', name: 'Defence Obligation Register' }] },
	{ key: 'land', name: 'Land and Spatial Board', name_et: 'Maa- ja Ruumiamet', kind: 'board', staff: 1, casePrefix: 'MRA', titles: ['Registry specialist'], systems: [{ code: 'EHR', name: 'Building Register' }, { code: 'ADS', name: 'Address Data System' }] },
	{ key: 'emergency', name: 'Emergency Response Centre', name_et: 'Häirekeskus', kind: 'board', staff: 2, casePrefix: 'HK', titles: ['Emergency dispatcher', 'Shift manager'], systems: [{ code: 'SOS', name: 'Emergency Call Processing System' }] }
];

/** [fromAge, toAge, relative weight]: whom a purpose concerns, by age at generation time. */
export type AgeBand = readonly [from: number, to: number, weight: number];

export interface PurposeSpec {
	code: string;
	agency: AgencyKey;
	system: string;
	text_en: string;
	text_et: string;
	legal_basis: string;
	/** The agency's own terse log text (what the X-Road issue/action field would say). */
	action: string;
	categories: readonly string[];
	/** Relative share of all non-bulk events. */
	weight: number;
	/** Share of events done by an official by hand (the rest: automated, actor ''). */
	manual: number;
	/** 'shift': round-the-clock manual work (police, dispatch); default office hours. */
	hours?: 'office' | 'shift';
	/** Proceedings with a case file (investigations, audits, court, security): manual work must name the case. */
	caseRequired?: boolean;
	ages: readonly AgeBand[];
	/** Only residents of this county (a city's own processing). */
	county?: string;
	sex?: 'M' | 'F';
	/** X-Road service this processing consumes: EE/GOV/<provider>/<subsystem>/<service>/v1. */
	service?: { provider: AgencyKey; subsystem: string; name: string };
	/** X-Road clients outside government (health care providers) that call the service. */
	clients?: readonly string[];
	/** Who may carry the query for the agency; 'local' = the city of the subject's county. */
	via?: readonly (AgencyKey | 'local')[];
	/** Fixed share of events that go through `via`; without it the share is calibrated to the overall target. */
	viaShare?: number;
	/** Investigations: a share is hidden from the citizen (restricted). */
	restricted?: boolean;
	/** Security-service processing: a share is sealed until a disclosure date. */
	sealed?: boolean;
	/** Done within days of the subject's birth (birth registration). */
	nearBirth?: boolean;
	/** A scheduled run over many people: day of month, local hour, months (1-12). */
	bulk?: { day: number; hour: number; months: readonly number[]; ref: string };
}

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const any = (weightOld = 1): AgeBand[] => [
	[0, 64, 1],
	[65, 120, weightOld]
];
const range = (from: number, to: number): AgeBand[] => [[from, to, 1]];

const RR_ADDRESS = { provider: 'interior', subsystem: 'rr', name: 'RR_addressQuery' } as const;
const RR_PERSON = { provider: 'interior', subsystem: 'rr', name: 'RR_personQuery' } as const;
const TAX_INCOME = { provider: 'tax', subsystem: 'mkr', name: 'incomeQuery' } as const;
const TAX_EMPLOYMENT = { provider: 'tax', subsystem: 'mkr', name: 'employmentRegisterQuery' } as const;
const TRAFFIC = { provider: 'transport', subsystem: 'lr', name: 'vehicleKeeperQuery' } as const;
const DRIVING_RIGHT = { provider: 'transport', subsystem: 'lr', name: 'drivingRightQuery' } as const;
const HEALTH_CERT = { provider: 'healthIt', subsystem: 'tis', name: 'healthCertificateQuery' } as const;
const HOSPITALS = ['EE/COM/90001478/his', 'EE/COM/90006399/his', 'EE/COM/90004585/perearst', 'EE/COM/11107913/perearst', 'EE/COM/10822068/apteek'] as const;
const PHARMACIES = ['EE/COM/10822068/apteek', 'EE/COM/10142842/apteek', 'EE/COM/11256850/apteek'] as const;

export const PURPOSES: readonly PurposeSpec[] = [
	// Population register: every agency's address and identity checks land here.
	{ code: 'RR-ADDR-CHECK', agency: 'interior', system: 'RR', text_en: 'Checking your registered address so that official letters reach you', text_et: 'Registrijärgse aadressi kontroll ametlike kirjade kättetoimetamiseks', legal_basis: 'Population Register Act § 41', action: 'Aadressi kontroll', categories: ['identity', 'contact.address'], weight: 11, manual: 0.55, ages: range(16, 120), service: RR_ADDRESS },
	{ code: 'RR-DATA-RELEASE', agency: 'interior', system: 'RR', text_en: 'Releasing your register data to an authority entitled to receive it', text_et: 'Rahvastikuregistri andmete väljastamine selleks õigustatud asutusele', legal_basis: 'Population Register Act § 44', action: 'Andmete väljastamine X-tee kaudu', categories: ['identity', 'contact.address', 'family.relations'], weight: 10, manual: 0.45, ages: any(1.3), service: RR_PERSON, via: ['ria'] },
	{ code: 'RR-ENTRY-UPDATE', agency: 'interior', system: 'RR', text_en: 'Recording a change of your residence or family details', text_et: 'Elukoha või perekonnaandmete muudatuse kandmine rahvastikuregistrisse', legal_basis: 'Population Register Act § 21', action: 'Registrikande tegemine', categories: ['identity', 'contact.address', 'family.relations'], weight: 3.5, manual: 0.8, ages: any() },
	{ code: 'RR-BIRTH-REG', agency: 'interior', system: 'RR', text_en: 'Registering a birth and the child’s parents', text_et: 'Sünni registreerimine ja vanemate andmete kandmine', legal_basis: 'Population Register Act § 35', action: 'Sünni registreerimine', categories: ['identity', 'family.relations'], weight: 0.5, manual: 0.9, ages: range(0, 1), nearBirth: true },

	// Tax and Customs Board.
	{ code: 'MTA-INCOME-DECL', agency: 'tax', system: 'EMTA', text_en: 'Preparing your pre-filled income tax return', text_et: 'Eeltäidetud tuludeklaratsiooni koostamine', legal_basis: 'Income Tax Act § 44', action: 'Tuludeklaratsiooni eeltäitmine', categories: ['identity', 'tax.income', 'tax.deductions'], weight: 4.5, manual: 0.35, ages: range(18, 120), bulk: { day: 15, hour: 1, months: [2], ref: 'TD-EELTAIT' } },
	{ code: 'MTA-INCOME-CHECK', agency: 'tax', system: 'MKR', text_en: 'Checking the income your employer reported for you', text_et: 'Tööandja deklareeritud tuluandmete kontroll', legal_basis: 'Taxation Act § 25', action: 'Tulu- ja sotsiaalmaksu deklaratsiooni kontroll', categories: ['identity', 'tax.income', 'employment'], weight: 5, manual: 0.7, ages: range(18, 67) },
	{ code: 'MTA-ADDR-DECISION', agency: 'tax', system: 'EMTA', text_en: 'Checking your registered address to send you a tax decision', text_et: 'Aadressi kontroll maksuotsuse kättetoimetamiseks', legal_basis: 'Taxation Act § 50', action: 'Maksuotsuse kättetoimetamine', categories: ['identity', 'contact.address'], weight: 3, manual: 0.7, ages: range(18, 120), service: RR_ADDRESS },
	{ code: 'MTA-AUDIT', agency: 'tax', system: 'MKR', text_en: 'Tax proceedings: checking your income and transactions', text_et: 'Maksumenetlus: tulude ja tehingute kontroll', legal_basis: 'Taxation Act § 60', action: 'Maksumenetlus', categories: ['identity', 'tax.income', 'finance.transactions'], weight: 1.2, manual: 1, caseRequired: true, ages: range(20, 75), restricted: true },
	{ code: 'MTA-CUSTOMS', agency: 'tax', system: 'TOLL', text_en: 'Customs check of a parcel addressed to you', text_et: 'Postisaadetise tollikontroll', legal_basis: 'Customs Act § 10', action: 'Saadetise tollivormistus', categories: ['identity', 'contact.address', 'customs.declarations'], weight: 1.5, manual: 0.75, ages: range(16, 85) },
	{ code: 'MTA-EMPLOY-REG', agency: 'tax', system: 'MKR', text_en: 'Registering your employment in the employment register', text_et: 'Töötamise registreerimine töötamise registris', legal_basis: 'Taxation Act § 25¹', action: 'Töötamise registri kanne', categories: ['identity', 'employment'], weight: 2.5, manual: 0.35, ages: range(16, 70) },

	// Police and Border Guard Board.
	{ code: 'PPA-ID-DOC', agency: 'police', system: 'DOK', text_en: 'Processing your ID card or passport application', text_et: 'Isikut tõendava dokumendi taotluse menetlemine', legal_basis: 'Identity Documents Act § 10', action: 'Dokumendi taotluse menetlus', categories: ['identity', 'biometrics', 'contact.address'], weight: 1.6, manual: 0.85, ages: any(), service: RR_PERSON },
	{ code: 'PPA-TRAFFIC-CHECK', agency: 'police', system: 'POLIS', text_en: 'Identity and driving-right check during a traffic stop', text_et: 'Isikusamasuse ja juhtimisõiguse kontroll liiklusjärelevalves', legal_basis: 'Law Enforcement Act § 32', action: 'Liiklusjärelevalve', categories: ['identity', 'vehicle.driving_licence'], weight: 1.3, manual: 1, hours: 'shift', ages: range(17, 85), service: DRIVING_RIGHT },
	{ code: 'PPA-SPEED-CAMERA', agency: 'police', system: 'POLIS', text_en: 'Speed camera offence: identifying the responsible vehicle keeper', text_et: 'Kiiruskaamera rikkumine: sõiduki vastutava kasutaja tuvastamine', legal_basis: 'Traffic Act § 262', action: 'Hoiatustrahvi menetlus', categories: ['identity', 'vehicle.registration', 'contact.address'], weight: 0.9, manual: 0.2, ages: range(18, 85), service: TRAFFIC },
	{ code: 'PPA-INVESTIGATION', agency: 'police', system: 'POLIS', text_en: 'Criminal investigation', text_et: 'Kriminaalmenetlus', legal_basis: 'Code of Criminal Procedure § 215', action: 'Kriminaalmenetlus', categories: ['identity', 'contact.address', 'criminal.proceedings', 'family.relations'], weight: 0.8, manual: 1, hours: 'shift', caseRequired: true, ages: range(14, 80), restricted: true },
	{ code: 'PPA-BORDER', agency: 'police', system: 'PIIR', text_en: 'Checking your travel document at the border', text_et: 'Piiriületuse kontroll', legal_basis: 'State Borders Act § 12', action: 'Piirikontroll', categories: ['identity', 'travel.border'], weight: 1, manual: 0.8, hours: 'shift', ages: any() },

	// Social Insurance Board.
	{ code: 'SKA-PENSION', agency: 'socialInsurance', system: 'PENS', text_en: 'Calculating and paying your old-age pension', text_et: 'Vanaduspensioni arvutamine ja maksmine', legal_basis: 'State Pension Insurance Act § 7', action: 'Pensioni arvutus', categories: ['identity', 'social.pension', 'finance.bank_account'], weight: 2.5, manual: 0.45, ages: range(64, 120), bulk: { day: 5, hour: 2, months: ALL, ref: 'PENS-VALJAMAKSE' } },
	{ code: 'SKA-FAMILY-BENEFIT', agency: 'socialInsurance', system: 'SKAIS', text_en: 'Paying child allowance and family benefits', text_et: 'Lapsetoetuse ja peretoetuste maksmine', legal_basis: 'Family Benefits Act § 4', action: 'Peretoetuse määramine', categories: ['identity', 'family.relations', 'finance.bank_account'], weight: 2, manual: 0.4, ages: range(0, 17), via: ['ria'], service: { provider: 'socialInsurance', subsystem: 'skais', name: 'familyBenefitApplication' }, bulk: { day: 20, hour: 3, months: ALL, ref: 'PERETOETUS' } },
	{ code: 'SKA-DISABILITY', agency: 'socialInsurance', system: 'SKAIS', text_en: 'Assessing the severity of a disability', text_et: 'Puude raskusastme tuvastamine', legal_basis: 'Social Benefits for Disabled Persons Act § 2', action: 'Puude tuvastamine', categories: ['identity', 'health.diagnoses', 'social.disability'], weight: 0.8, manual: 0.95, ages: any(2.5), service: HEALTH_CERT },
	{ code: 'SKA-PARENTAL', agency: 'socialInsurance', system: 'SKAIS', text_en: 'Calculating parental benefit from your earlier income', text_et: 'Vanemahüvitise arvutamine varasema tulu alusel', legal_basis: 'Family Benefits Act § 39', action: 'Vanemahüvitise arvutus', categories: ['identity', 'tax.income', 'family.relations'], weight: 0.7, manual: 0.6, ages: range(20, 45), service: TAX_INCOME },

	// Health Insurance Fund.
	{ code: 'TK-INSURANCE', agency: 'healthFund', system: 'TKIS', text_en: 'Checking that you have health insurance', text_et: 'Ravikindlustuse kehtivuse kontroll', legal_basis: 'Health Insurance Act § 5', action: 'Kindlustuse kontroll', categories: ['identity', 'health.insurance', 'employment'], weight: 4, manual: 0.2, ages: any(), service: TAX_EMPLOYMENT, bulk: { day: 1, hour: 4, months: ALL, ref: 'KINDLUSTUS' } },
	{ code: 'TK-PRESCRIPTION', agency: 'healthFund', system: 'RETSEPT', text_en: 'Dispensing your digital prescription at a pharmacy', text_et: 'Digiretsepti väljastamine apteegis', legal_basis: 'Medicinal Products Act § 32', action: 'Retsepti väljastamine', categories: ['identity', 'health.prescriptions'], weight: 4, manual: 0.6, ages: any(3.5), clients: PHARMACIES, service: { provider: 'healthFund', subsystem: 'retsept', name: 'dispensePrescription' } },
	{ code: 'TK-INVOICE', agency: 'healthFund', system: 'TKIS', text_en: 'Paying your doctor’s invoice for treatment', text_et: 'Raviarve tasumine tervishoiuteenuse osutajale', legal_basis: 'Health Insurance Act § 30', action: 'Raviarve menetlus', categories: ['identity', 'health.treatments'], weight: 2.5, manual: 0.45, ages: any(2.5) },

	// Health information system (TEHIK): doctors' reads arrive from hospitals over X-Road.
	{ code: 'TEHIK-HEALTH-RECORD', agency: 'healthIt', system: 'TIS', text_en: 'A doctor viewing your health record during treatment', text_et: 'Terviseandmete vaatamine ravi käigus', legal_basis: 'Health Services Organisation Act § 59¹', action: 'Terviseloo päring', categories: ['identity', 'health.records', 'health.diagnoses'], weight: 10, manual: 0.75, ages: any(3), clients: HOSPITALS, service: { provider: 'healthIt', subsystem: 'tis', name: 'patientSummaryQuery' } },
	{ code: 'TEHIK-REFERRAL', agency: 'healthIt', system: 'TIS', text_en: 'Forwarding your digital referral to a specialist', text_et: 'Digisaatekirja edastamine eriarstile', legal_basis: 'Health Services Organisation Act § 59¹', action: 'Saatekirja edastamine', categories: ['identity', 'health.referrals'], weight: 3, manual: 0.6, ages: any(2.5), clients: HOSPITALS, service: { provider: 'healthIt', subsystem: 'tis', name: 'referralQuery' } },
	{ code: 'TEHIK-IMMUNISATION', agency: 'healthIt', system: 'IMMU', text_en: 'Recording a vaccination in the immunisation register', text_et: 'Vaktsineerimise kandmine immuniseerimisregistrisse', legal_basis: 'Communicable Diseases Prevention and Control Act § 13', action: 'Vaktsineerimise kanne', categories: ['identity', 'health.immunisation'], weight: 1.5, manual: 0.6, ages: [[0, 17, 3], [18, 64, 0.6], [65, 120, 2]], clients: HOSPITALS, service: { provider: 'healthIt', subsystem: 'immu', name: 'immunisationEntry' } },

	// Unemployment Insurance Fund.
	{ code: 'TTK-REGISTRATION', agency: 'unemployment', system: 'EMPIS', text_en: 'Registering you as unemployed and checking your eligibility', text_et: 'Töötuna arvelevõtmine ja õiguse kontroll', legal_basis: 'Labour Market Measures Act § 8', action: 'Töötuna registreerimine', categories: ['identity', 'employment', 'tax.income', 'education.qualifications'], weight: 1.2, manual: 0.8, ages: range(18, 64), service: TAX_EMPLOYMENT },
	{ code: 'TTK-BENEFIT', agency: 'unemployment', system: 'EMPIS', text_en: 'Calculating your unemployment insurance benefit', text_et: 'Töötuskindlustushüvitise arvutamine', legal_basis: 'Unemployment Insurance Act § 9', action: 'Hüvitise arvutus', categories: ['identity', 'employment', 'tax.income', 'finance.bank_account'], weight: 1, manual: 0.4, ages: range(18, 64), service: TAX_INCOME, bulk: { day: 10, hour: 2, months: ALL, ref: 'TKH-ARVUTUS' } },

	// Centre of Registers and Information Systems.
	{ code: 'RIK-BUSINESS-REG', agency: 'registers', system: 'ARIREG', text_en: 'Checking your role in a company when registering changes', text_et: 'Isiku andmete kontroll äriregistri kande tegemisel', legal_basis: 'Commercial Code § 32', action: 'Äriregistri kanne', categories: ['identity', 'business.roles'], weight: 1, manual: 0.6, ages: range(20, 80), service: RR_PERSON },
	{ code: 'RIK-LAND-REG', agency: 'registers', system: 'KR', text_en: 'Registering ownership of real estate', text_et: 'Kinnistusraamatu kande tegemine', legal_basis: 'Land Register Act § 34', action: 'Kinnistu kanne', categories: ['identity', 'property.real_estate'], weight: 0.6, manual: 0.9, ages: range(20, 90) },
	{ code: 'RIK-COURT', agency: 'registers', system: 'KIS', text_en: 'Processing a court case in which you are a party', text_et: 'Kohtuasja menetlemine', legal_basis: 'Code of Civil Procedure § 57', action: 'Kohtumenetlus', categories: ['identity', 'contact.address', 'court.proceedings'], weight: 0.5, manual: 0.95, caseRequired: true, ages: range(18, 90), service: RR_ADDRESS },

	// Transport Administration.
	{ code: 'TRAM-VEHICLE-REG', agency: 'transport', system: 'LR', text_en: 'Registering a vehicle in your name', text_et: 'Sõiduki registreerimine', legal_basis: 'Traffic Act § 67', action: 'Sõiduki registreerimine', categories: ['identity', 'vehicle.registration', 'contact.address'], weight: 1.2, manual: 0.6, ages: range(18, 85) },
	{ code: 'TRAM-DRIVING-LICENCE', agency: 'transport', system: 'LR', text_en: 'Issuing or renewing your driving licence', text_et: 'Juhiloa väljastamine või vahetamine', legal_basis: 'Traffic Act § 103', action: 'Juhiloa väljastamine', categories: ['identity', 'vehicle.driving_licence', 'health.fitness_to_drive'], weight: 0.8, manual: 0.7, ages: range(17, 85), service: HEALTH_CERT },

	// Internal Security Service: vetting is visible to the applicant, the rest mostly sealed.
	{ code: 'KAPO-VETTING', agency: 'security', system: 'KAPO-IS', text_en: 'Background check for a security clearance you applied for', text_et: 'Riigisaladusele juurdepääsu loa taotleja taustakontroll', legal_basis: 'State Secrets and Classified Information of Foreign States Act § 32', action: 'Julgeolekukontroll', categories: ['identity', 'family.relations', 'criminal.records', 'travel.border'], weight: 0.1, manual: 1, caseRequired: true, ages: range(20, 70) },
	{ code: 'KAPO-SECURITY', agency: 'security', system: 'KAPO-IS', text_en: 'Protection of national security', text_et: 'Riigi julgeoleku kaitsmine', legal_basis: 'Security Authorities Act § 26', action: 'Julgeolekuasutuse toiming', categories: ['identity', 'contact.address', 'travel.border', 'communications'], weight: 0.45, manual: 0.9, caseRequired: true, ages: range(18, 85), sealed: true },

	// Cities.
	{ code: 'TLN-SOCIAL', agency: 'tallinn', system: 'TLN-SOTS', text_en: 'Assessing your need for social assistance', text_et: 'Sotsiaalabi vajaduse hindamine', legal_basis: 'Social Welfare Act § 15', action: 'Abivajaduse hindamine', categories: ['identity', 'family.relations', 'social.assistance', 'health.disability'], weight: 0.8, manual: 0.95, ages: any(2), county: 'Harju County' },
	{ code: 'TLN-SCHOOL-PLACE', agency: 'tallinn', system: 'TLN-KOOL', text_en: 'Allocating a kindergarten or school place', text_et: 'Lasteaia- või koolikoha määramine', legal_basis: 'Basic Schools and Upper Secondary Schools Act § 10', action: 'Koolikoha määramine', categories: ['identity', 'contact.address', 'family.relations'], weight: 0.6, manual: 0.6, ages: range(1, 15), county: 'Harju County', service: RR_ADDRESS },
	{ code: 'TLN-PARKING', agency: 'tallinn', system: 'TLN-PARK', text_en: 'Parking control: identifying the responsible vehicle keeper', text_et: 'Parkimiskontroll: sõiduki vastutava kasutaja tuvastamine', legal_basis: 'Traffic Act § 262', action: 'Parkimistasu nõue', categories: ['identity', 'vehicle.registration', 'contact.address'], weight: 0.6, manual: 0.8, ages: range(18, 85), service: TRAFFIC },
	{ code: 'TRT-SOCIAL', agency: 'tartu', system: 'TRT-SOTS', text_en: 'Assessing your need for social assistance', text_et: 'Sotsiaalabi vajaduse hindamine', legal_basis: 'Social Welfare Act § 15', action: 'Abivajaduse hindamine', categories: ['identity', 'family.relations', 'social.assistance'], weight: 0.25, manual: 0.95, ages: any(2), county: 'Tartu County' },
	{ code: 'TRT-SCHOOL-PLACE', agency: 'tartu', system: 'TRT-KOOL', text_en: 'Allocating a kindergarten or school place', text_et: 'Lasteaia- või koolikoha määramine', legal_basis: 'Basic Schools and Upper Secondary Schools Act § 10', action: 'Koolikoha määramine', categories: ['identity', 'contact.address'], weight: 0.15, manual: 0.6, ages: range(1, 15), county: 'Tartu County', service: RR_ADDRESS },
	{ code: 'NRV-SOCIAL', agency: 'narva', system: 'NRV-SOTS', text_en: 'Assessing your need for social assistance', text_et: 'Sotsiaalabi vajaduse hindamine', legal_basis: 'Social Welfare Act § 15', action: 'Abivajaduse hindamine', categories: ['identity', 'family.relations', 'social.assistance'], weight: 0.2, manual: 0.95, ages: any(2), county: 'Ida-Viru County' },
	{ code: 'PRN-SOCIAL', agency: 'parnu', system: 'PRN-SOTS', text_en: 'Assessing your need for social assistance', text_et: 'Sotsiaalabi vajaduse hindamine', legal_basis: 'Social Welfare Act § 15', action: 'Abivajaduse hindamine', categories: ['identity', 'family.relations', 'social.assistance'], weight: 0.12, manual: 0.95, ages: any(2), county: 'Pärnu County' },
	// Subsistence benefit: the ministry's register, but the city of residence does the work.
	{ code: 'SOM-SUBSISTENCE', agency: 'socialAffairs', system: 'STAR', text_en: 'Deciding on your subsistence benefit', text_et: 'Toimetulekutoetuse määramine', legal_basis: 'Social Welfare Act § 131', action: 'Toimetulekutoetuse otsus', categories: ['identity', 'family.relations', 'tax.income', 'social.assistance', 'finance.bank_account'], weight: 0.9, manual: 0.85, ages: range(18, 90), service: TAX_INCOME, via: ['local'], viaShare: 0.9 },

	// State portal.
	{ code: 'RIA-PORTAL', agency: 'ria', system: 'EESTI', text_en: 'Showing your own data to you in the state portal eesti.ee', text_et: 'Teie andmete kuvamine riigiportaalis eesti.ee', legal_basis: 'Public Information Act § 32', action: 'Riigiportaali päring', categories: ['identity', 'contact.address'], weight: 1.5, manual: 0, ages: range(15, 100), service: RR_PERSON },

	// Education.
	{ code: 'EHIS-ENROLMENT', agency: 'education', system: 'EHIS', text_en: 'Recording your enrolment at a school or university', text_et: 'Õppuri andmete kandmine Eesti hariduse infosüsteemi', legal_basis: 'Education Act § 36⁴', action: 'Õppuri kanne', categories: ['identity', 'education.enrolment'], weight: 1.2, manual: 0.4, ages: range(6, 25), bulk: { day: 1, hour: 3, months: [9], ref: 'OPPEAASTA' } },
	{ code: 'EHIS-RESULTS', agency: 'education', system: 'EHIS', text_en: 'Recording exam results and qualifications', text_et: 'Eksamitulemuste ja kvalifikatsiooni kandmine', legal_basis: 'Education Act § 36⁴', action: 'Tulemuste kanne', categories: ['identity', 'education.results'], weight: 0.8, manual: 0.5, ages: range(9, 30) },

	// Oversight and justice.
	{ code: 'AKI-SUPERVISION', agency: 'dataProtection', system: 'AKI-MR', text_en: 'Investigating a complaint about how your data was processed', text_et: 'Isikuandmete töötlemise järelevalvemenetlus', legal_basis: 'Personal Data Protection Act § 56', action: 'Järelevalvemenetlus', categories: ['identity', 'complaint'], weight: 0.05, manual: 1, caseRequired: true, ages: range(16, 100) },
	{ code: 'KARR-QUERY', agency: 'justice', system: 'KARR', text_en: 'Checking criminal records for a job working with children', text_et: 'Karistusregistri päring lastega töötamise nõude kontrolliks', legal_basis: 'Criminal Records Database Act § 17', action: 'Karistusregistri päring', categories: ['identity', 'criminal.records'], weight: 0.6, manual: 0.4, ages: range(18, 70), via: ['registers'], service: { provider: 'justice', subsystem: 'karr', name: 'criminalRecordQuery' } },
	{ code: 'JDM-MISDEMEANOUR', agency: 'justice', system: 'ETOIMIK', text_en: 'Processing a misdemeanour case file', text_et: 'Väärteoasja menetlemine e-toimikus', legal_basis: 'Code of Misdemeanour Procedure § 25', action: 'Väärteomenetlus', categories: ['identity', 'contact.address', 'criminal.proceedings'], weight: 0.4, manual: 0.9, caseRequired: true, ages: range(14, 85) },
	{ code: 'PROK-CASE', agency: 'prosecutor', system: 'KRMR', text_en: 'A prosecutor reviewing a criminal case', text_et: 'Kriminaalasja menetlemine prokuratuuris', legal_basis: 'Code of Criminal Procedure § 30', action: 'Kriminaalasja menetlus', categories: ['identity', 'criminal.proceedings'], weight: 0.25, manual: 1, caseRequired: true, ages: range(14, 80), restricted: true },

	// Other boards.
	{ code: 'STAT-REGISTER', agency: 'statistics', system: 'STAT', text_en: 'Producing official statistics from register data', text_et: 'Registripõhise statistika koostamine', legal_basis: 'Official Statistics Act § 32', action: 'Statistiline andmetöötlus', categories: ['identity', 'contact.address', 'employment', 'education.enrolment'], weight: 0.3, manual: 0, ages: any(), bulk: { day: 31, hour: 1, months: [1], ref: 'RLS' } },
	{ code: 'TA-INFECTION', agency: 'healthBoard', system: 'NAKIS', text_en: 'Investigating an outbreak of a communicable disease', text_et: 'Nakkushaiguse leviku epidemioloogiline uuring', legal_basis: 'Communicable Diseases Prevention and Control Act § 21', action: 'Epidemioloogiline uuring', categories: ['identity', 'health.diagnoses', 'contact.phone'], weight: 0.3, manual: 0.8, caseRequired: true, ages: any() },
	{ code: 'PA-HOME-SAFETY', agency: 'rescue', system: 'PRIS', text_en: 'Fire safety visit to your home', text_et: 'Kodunõustamine tuleohutuse tagamiseks', legal_basis: 'Fire Safety Act § 4', action: 'Kodunõustamine', categories: ['identity', 'contact.address'], weight: 0.15, manual: 1, ages: range(65, 120) },
	{ code: 'KRA-CONSCRIPTION', agency: 'defence', system: 'KVKR', text_en: 'Calling you up for conscript service and checking your health', text_et: 'Ajateenistusse kutsumine ja terviseseisundi kontroll', legal_basis: 'Defence Service Act § 26', action: 'Kutsealuse arvestus', categories: ['identity', 'health.fitness_for_service', 'education.enrolment'], weight: 0.4, manual: 0.7, ages: range(17, 27), sex: 'M', service: HEALTH_CERT },
	{ code: 'MRA-BUILDING-OWNER', agency: 'land', system: 'EHR', text_en: 'Checking the owner of a building in the building register', text_et: 'Ehitise omaniku andmete kontroll ehitisregistris', legal_basis: 'Building Code § 78', action: 'Ehitisregistri päring', categories: ['identity', 'property.real_estate'], weight: 0.25, manual: 0.6, ages: range(25, 95) },
	{ code: 'HK-EMERGENCY', agency: 'emergency', system: 'SOS', text_en: 'Locating you and your health data during an emergency call', text_et: 'Hädaabiteate menetlemine ja helistaja asukoha tuvastamine', legal_basis: 'Emergency Act § 9', action: 'Hädaabiteade', categories: ['identity', 'contact.location', 'health.records'], weight: 0.4, manual: 0.95, hours: 'shift', ages: any(2) }
];

/** Cities that do local work for the state (subsistence benefit), by the subject's county. */
export const LOCAL_CITY: Readonly<Record<string, AgencyKey>> = {
	'Harju County': 'tallinn',
	'Tartu County': 'tartu',
	'Ida-Viru County': 'narva',
	'Pärnu County': 'parnu'
};

/** X-Road subsystem of an agency's information system, e.g. 'EE/GOV/70000349/emta'. */
export function xroadClient(agencyCode: string, system: string): string {
	return `EE/GOV/${agencyCode}/${system.toLowerCase()}`;
}
