/** A release's metadata as pages and open data publish it (ε only for a differentially private one). */
export interface PublicRelease {
	release_id: number;
	created_at: string;
	method: string;
	min_people: number;
	epsilon: number | null;
	epsilon_per_person: number | null;
}
