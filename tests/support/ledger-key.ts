/** Ledger keys for tests that run without demo mode (which would make them). */
import { formatKeyFile, newLedgerKeys } from '../../src/lib/server/ledger/keys';

/** The text of a fresh key file, for PEEGEL_LEDGER_KEY. */
export function testLedgerKey(): string {
	return formatKeyFile(newLedgerKeys());
}
