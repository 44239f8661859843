/**
 * The protected list: who is on it (name, category, why), the form that adds a person, a
 * remove button (with a note) per person, and every change in order. Each change is a new
 * row (append-only); bad input is a 400 naming the field and stores nothing.
 */
import { fail, redirect } from '@sveltejs/kit';
import type { ProtectedFieldError } from '$lib/oversight/protected-input';
import { requireRole } from '$lib/server/auth/require-role';
import { personNames } from '$lib/server/oversight/person-names';
import { addProtected, protectedHistory, protectedList, removeProtected } from '$lib/server/oversight/protected-list';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	requireRole(locals, url, 'auditor', 'page');
	setHeaders({ 'cache-control': 'private, no-store' });
	const [list, history] = await Promise.all([protectedList(), protectedHistory()]);
	const names = await personNames([...history.map((h) => h.code), ...history.map((h) => h.actor)]);
	const done = url.searchParams.get('added') ?? url.searchParams.get('removed');
	return {
		list,
		history: history.map((h) => ({ ...h, name: names.get(h.code) ?? h.code, actorName: names.get(h.actor) ?? h.actor })),
		// The redirect after a change names the person; shown only for a real code on the list's history.
		done: done && names.has(done) ? { kind: url.searchParams.has('added') ? ('added' as const) : ('removed' as const), name: names.get(done)! } : null
	};
};

function text(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
}

async function formOf(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

const noForm = (form: 'add' | 'remove'): ProtectedFieldError[] => [{ field: 'personal_code', code: 'codeInvalid', message: `send the ${form} form as a form post` }];

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		// Layouts do not guard form actions: each checks the role itself.
		const auditor = requireRole(locals, url, 'auditor', 'api');
		const form = await formOf(request);
		if (!form) return fail(400, { form: 'add' as const, errors: noForm('add'), values: { personal_code: '', category: '', note: '' } });
		const values = { personal_code: text(form, 'personal_code'), category: text(form, 'category'), note: text(form, 'note') };
		const result = await addProtected({ ...values, category: values.category || undefined, actor: auditor.code });
		if (!result.ok) return fail(400, { form: 'add' as const, errors: result.errors, values });
		redirect(303, `/oversight/protected?added=${result.change.code}`);
	},
	remove: async ({ locals, url, request }) => {
		const auditor = requireRole(locals, url, 'auditor', 'api');
		const form = await formOf(request);
		if (!form) return fail(400, { form: 'remove' as const, errors: noForm('remove'), values: { personal_code: '', category: '', note: '' } });
		const values = { personal_code: text(form, 'personal_code'), category: '', note: text(form, 'note') };
		const result = await removeProtected({ personal_code: values.personal_code, note: values.note, actor: auditor.code });
		if (!result.ok) return fail(400, { form: 'remove' as const, errors: result.errors, values });
		redirect(303, `/oversight/protected?removed=${result.change.code}`);
	}
};
