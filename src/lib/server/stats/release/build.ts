/**
 * A release computed from the rollups: every dataset's complete cube, noise when it is a
 * differentially private release, suppression, and the audit it must pass before anything
 * is written. Suppressed cells are blanked here: their true figures never leave memory.
 */
import { formatRational, type Rational } from '$lib/stats/discrete-laplace';
import { MIN_PEOPLE } from '$lib/stats/dimensions';
import { auditRelease, blankSuppressed, suppress, type Cell, type ReleaseCell } from '$lib/stats/suppression';
import { adoptionCells } from './adoption';
import { coverageCells } from './coverage';
import { addNoise, epsilonPerPerson } from './dp';
import { exchangeCells } from './exchange';
import { serviceCells } from './services';
import { signatureCells } from './signatures';
import type { ReleaseMeta } from './store';

export interface BuiltRelease {
	cells: ReleaseCell[];
	meta: Omit<ReleaseMeta, 'fingerprint'>;
}

/** The cubes of every dataset; monthly ones through `through` ('YYYY-MM'; default the last complete month). */
export async function computeCubes(now = new Date(), through?: string): Promise<Cell[]> {
	const parts = await Promise.all([
		signatureCells(now, through),
		serviceCells(now, through),
		adoptionCells(now),
		exchangeCells(now, through),
		coverageCells(now, through)
	]);
	return parts.flat();
}

export async function buildRelease(opts: { dpEpsilon?: Rational; now?: Date; through?: string } = {}): Promise<BuiltRelease> {
	const truth = await computeCubes(opts.now, opts.through);
	const eps = opts.dpEpsilon;
	const figures = eps ? addNoise(truth, eps) : truth;
	const protectedCells = suppress(figures, MIN_PEOPLE);
	const problems = auditRelease(protectedCells, { min: MIN_PEOPLE });
	if (problems.length > 0) throw new Error(`statistics release refused: it fails its audit:\n${problems.slice(0, 10).join('\n')}`);
	const epsilon = eps ? Number(eps.num) / Number(eps.den) : 0;
	if (eps) console.log(`peegel: differentially private release, epsilon ${formatRational(eps)} per figure`);
	return {
		cells: blankSuppressed(protectedCells),
		meta: {
			method: eps ? 'dp' : 'suppression',
			minPeople: MIN_PEOPLE,
			epsilon,
			epsilonPerPerson: eps ? epsilonPerPerson(figures, epsilon) : 0
		}
	};
}
