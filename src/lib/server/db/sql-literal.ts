/**
 * A ClickHouse string literal, for the few values the server itself makes that must be in
 * a query's text rather than a parameter (see bulk-insert.ts). Never for input.
 */
export function sqlString(value: string): string {
	return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
