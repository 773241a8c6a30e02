/** A unified diff of two texts, line by line (Myers' O(ND) algorithm), as `diff -u` prints it. */

type Op = { type: ' ' | '-' | '+'; line: string };

/** The shortest edit script turning `a` into `b`. */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ type: ' ', line: a[--x] });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ type: '+', line: b[--y] });
    else ops.push({ type: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ type: ' ', line: a[--x] });
    y--;
  }
  return ops.reverse();
}

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * `--- fromName` / `+++ toName` and hunks with `context` lines around each change; an empty string when the texts
 * are equal.
 */
export function unifiedDiff(from: string, to: string, fromName: string, toName: string, context = 3): string {
  if (from === to) return '';
  const a = lines(from);
  const b = lines(to);
  const ops = editScript(a, b);
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    // Skip unchanged lines up to the next change, keeping `context` of them.
    let j = i;
    while (j < ops.length && ops[j].type === ' ') j++;
    if (j === ops.length) break;
    const start = Math.max(i, j - context);
    aLine += start - i;
    bLine += start - i;
    // Extend the hunk while changes are closer than 2 × context lines apart.
    let end = j;
    let lastChange = j;
    while (end < ops.length) {
      if (ops[end].type !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.type !== '+').length;
    const bCount = hunk.filter((o) => o.type !== '-').length;
    out.push(`@@ -${aCount === 0 ? aLine - 1 : aLine},${aCount} +${bCount === 0 ? bLine - 1 : bLine},${bCount} @@`);
    for (const o of hunk) out.push(`${o.type}${o.line}`);
    aLine += aCount;
    bLine += bCount;
    i = end;
  }
  return out.join('\n') + '\n';
}
