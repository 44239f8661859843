/**
 * Text in an SVG cannot wrap and is not measured before it is drawn (the server renders it
 * first), so widths are estimated from the character count. The factor is generous for
 * Latin and Cyrillic in the system sans-serif fonts, so labels stay inside the chart.
 */
export const CHAR_WIDTH_EM = 0.62;

export function textWidth(chars: number, fontSize: number): number {
	return chars * fontSize * CHAR_WIDTH_EM;
}

/** The label, shortened with an ellipsis to fit maxWidth (the full text is in the table). */
export function fitLabel(text: string, maxWidth: number, fontSize: number): string {
	const chars = [...text];
	const fits = Math.floor(maxWidth / (fontSize * CHAR_WIDTH_EM));
	if (chars.length <= fits) return text;
	if (fits <= 1) return '…';
	return `${chars.slice(0, fits - 1).join('').trimEnd()}…`;
}
