// Heap snapshots through CDP, summarised by node type and name, and the difference between two
// summaries: which structure grows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Takes a heap snapshot of the page; writes it to `file` if given. Returns a summary. */
export async function takeSnapshot(cdp, file = null) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const text = chunks.join('');
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return summarise(JSON.parse(text));
}

/** JS values the app itself allocates (as opposed to compiled code and the browser's own data). */
const APP_TYPES = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'number', 'regexp']);

/** Count and self size per `type:name` (strings and code lumped together). */
export function summarise(snapshot) {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const step = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += step) {
    const type = types[nodes[i + typeAt]];
    let name = strings[nodes[i + nameAt]];
    if (type.includes('string')) name = '(strings)';
    else if (type === 'code') name = '(compiled code)';
    else if (type === 'number') name = '(heap numbers)';
    const key = `${type}:${String(name).slice(0, 60)}`;
    const group = groups.get(key) ?? { type, count: 0, size: 0 };
    group.count++;
    group.size += nodes[i + sizeAt];
    groups.set(key, group);
  }
  return groups;
}

/** What grew from `a` to `b`: the top entries by self size, and the app's own JS values in total. */
export function diffSummaries(a, b, top = 5) {
  const rows = [];
  let appBytes = 0;
  let appCount = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? { count: 0, size: 0 };
    const y = b.get(key) ?? { count: 0, size: 0 };
    const type = (y.type ?? x.type) || key.split(':')[0];
    const d = { key, count: y.count - x.count, size: y.size - x.size };
    if (APP_TYPES.has(type)) {
      appBytes += d.size;
      appCount += d.count;
    }
    rows.push(d);
  }
  rows.sort((p, q) => Math.abs(q.size) - Math.abs(p.size));
  return { top: rows.slice(0, top), appBytes, appCount };
}

export function describeDiff({ top, appBytes, appCount }) {
  const kb = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(1)} KB`;
  const entries = top.map((d) => `${d.key.replace(/^native:/, '')} ${kb(d.size)} (${d.count >= 0 ? '+' : ''}${d.count})`);
  return `app JS values (objects, closures, arrays, strings, numbers) ${kb(appBytes)} (${appCount >= 0 ? '+' : ''}${appCount} values); largest changes: ${entries.join(', ')}`;
}
