import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
const client = createClient({ connection: createChdbConnection({ path: '/work/main/bench-data/2026-11-26T23-35-05-468Z/clickhouse' }) });
const q = async (sql, params = {}) => { const t = performance.now(); const r = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' }); const rows = await r.json(); return [performance.now() - t, rows]; };
for (const g of [1024, 256]) {
  await client.command({ query: `CREATE TABLE ue_${g} AS usage_event ENGINE = MergeTree ORDER BY (subject_code, logged_at, event_id) SETTINGS index_granularity = ${g}` });
  await client.command({ query: `INSERT INTO ue_${g} SELECT * FROM usage_event` });
  await client.command({ query: `OPTIMIZE TABLE ue_${g} FINAL` });
}
await client.command({ query: 'OPTIMIZE TABLE usage_event FINAL' });
const subjects = (await q("SELECT subject_code FROM usage_event GROUP BY subject_code ORDER BY rand() LIMIT 200"))[1].map(r => r.subject_code);
const time = async (label, fn, n = 200) => { const ms = []; for (let i = 0; i < n; i++) ms.push(await fn(i)); ms.sort((a,b)=>a-b); console.log(label.padEnd(50), 'p50', ms[n/2|0].toFixed(2), 'p95', ms[Math.floor(n*0.95)].toFixed(2)); };
for (const t of ['usage_event', 'ue_1024', 'ue_256']) {
  await time(t + ' page+count (window)', async (i) => (await q(`SELECT toString(event_id) id, logged_at, agency_code, system, action, purpose_code, legal_basis, data_categories, intermediary_code, bulk, count() OVER () AS total FROM ${t} WHERE subject_code = {s:String} ORDER BY logged_at DESC, event_id DESC LIMIT 50`, { s: subjects[i] }))[0]);
  await time(t + ' page only', async (i) => (await q(`SELECT toString(event_id) id, logged_at, agency_code, system, action, purpose_code, legal_basis, data_categories, intermediary_code, bulk FROM ${t} WHERE subject_code = {s:String} ORDER BY logged_at DESC, event_id DESC LIMIT 50`, { s: subjects[i] }))[0]);
  await time(t + ' count only', async (i) => (await q(`SELECT count() FROM ${t} WHERE subject_code = {s:String}`, { s: subjects[i] }))[0]);
}
const r = await client.query({ query: "SELECT table, sum(rows) rows, count() parts, sum(bytes_on_disk) bytes, sum(primary_key_bytes_in_memory) pk FROM system.parts WHERE active AND table LIKE 'u%' GROUP BY table", format: 'JSONEachRow' }); console.log(await r.json());
await client.close();
