// HateCheck / Multilingual HateCheck split: half of the templates (hash of templ_id) may be
// looked at while writing rules ("dev"); eval reports the other half separately as held out.
export function hcDevTemplate(templId: string): boolean {
  let h = 2166136261 >>> 0;
  const s = `earshot-hc:${templId}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h % 2 === 0;
}
