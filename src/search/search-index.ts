// The catalogue's full-text search index, built at build time: every field of every SOP and its body, offline, compact.
//
// Shape (JSON, inlined into index.html as a data block, so the site needs no request of any kind):
//   { v: 1, n: <SOP count>, t: "<term> <term> ..." (front-coded), p: "<postings>|<postings>|..." }
// `t` holds the distinct terms, sorted, so a typed word finds its prefix range by binary search.
// `p` holds, per term, the SOPs that contain it: either ascending SOP numbers as base-36 gaps
// joined by "," or, for a term in many SOPs, "~" and a base-64 bitset (whichever is shorter).
// 1,000 SOPs stay well under 1 MB (bench/search-index.bench.ts measures it).

/** Lower case, accents dropped: the key both the index and the typed query are reduced to. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Words of a text for the index: runs of letters and digits. Markdown markers and punctuation fall away. */
export function searchTerms(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Every string inside a frontmatter value (keys are the format's, not the author's: left out). */
export function collectText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collectText(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectText(v, out);
  return out;
}

export interface SearchIndex {
  v: 1;
  /** Number of SOPs; SOP i is the i-th row of the catalogue (0-based). */
  n: number;
  /**
   * Distinct terms, sorted, front-coded and joined by single spaces: each term is one base-36
   * digit (how many leading characters it shares with the term before, at most 35) and the rest.
   */
  t: string;
  /** Postings per term, in the order of `t`, joined by `|`. */
  p: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function gapList(docs: number[]): string {
  let prev = -1;
  return docs
    .map((d) => {
      const gap = d - prev - 1;
      prev = d;
      return gap === 0 ? '' : gap.toString(36);
    })
    .join(',');
}

function bitset(docs: number[], n: number): string {
  const bytes = Math.ceil(n / 6);
  const sextets = new Array<number>(bytes).fill(0);
  for (const d of docs) sextets[Math.floor(d / 6)] |= 1 << d % 6;
  return `~${sextets.map((s) => B64[s]).join('')}`;
}

function frontCode(terms: string[]): string {
  let prev = '';
  return terms
    .map((term) => {
      let k = 0;
      const max = Math.min(35, prev.length, term.length);
      while (k < max && prev[k] === term[k]) k++;
      prev = term;
      return k.toString(36) + term.slice(k);
    })
    .join(' ');
}

/** The index of `texts` (one list of strings per SOP, in catalogue order). */
export function buildSearchIndex(texts: string[][]): SearchIndex {
  const postings = new Map<string, number[]>();
  texts.forEach((parts, doc) => {
    const seen = new Set<string>();
    for (const part of parts) for (const term of searchTerms(part)) seen.add(term);
    for (const term of seen) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(doc);
    }
  });
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const p = terms.map((term) => {
    const docs = postings.get(term)!;
    const gaps = gapList(docs);
    const bits = bitset(docs, texts.length);
    return bits.length < gaps.length ? bits : gaps;
  });
  return { v: 1, n: texts.length, t: frontCode(terms), p: p.join('|') };
}

/** The index as the text of a `<script type="application/json">` block: `<` escaped so no tag can close it. */
export function searchIndexJson(index: SearchIndex): string {
  return JSON.stringify(index).replace(/</g, '\\u003c');
}

/**
 * The query side, as browser JavaScript (ES5, no dependencies): `sopSearch(index, query)` returns
 * the matching SOP numbers (every typed word must begin some term of the SOP), or null for an
 * empty query. The catalogue page inlines it; tests run the very same text in Node.
 */
export const SEARCH_QUERY_JS = `function sopFold(s){return s.normalize('NFKD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();}
function sopSearch(ix,query){
var words=sopFold(query).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);if(!words.length)return null;
if(!ix._t){var raw=ix.t?ix.t.split(' '):[],prev='';ix._t=raw.map(function(e){prev=prev.slice(0,parseInt(e.charAt(0),36))+e.slice(1);return prev;});ix._p=ix.p.split('|');}
var T=ix._t,P=ix._p,B='${B64}';
function docs(k,into){var s=P[k];if(s.charAt(0)==='~'){for(var i=1;i<s.length;i++){var b=B.indexOf(s.charAt(i));for(var j=0;j<6;j++)if(b&(1<<j))into[(i-1)*6+j]=1;}return;}
var prev=-1,g=s.split(',');for(var x=0;x<g.length;x++){prev+=1+(g[x]?parseInt(g[x],36):0);into[prev]=1;}}
var hit=null;
for(var w=0;w<words.length;w++){var word=words[w],lo=0,hi=T.length;while(lo<hi){var mid=(lo+hi)>>1;if(T[mid]<word)lo=mid+1;else hi=mid;}
var found={};for(var k=lo;k<T.length&&T[k].lastIndexOf(word,0)===0;k++)docs(k,found);
if(hit===null)hit=found;else{var both={};for(var d in hit)if(found[d])both[d]=1;hit=both;}}
var out=[];for(var r in hit)out.push(Number(r));out.sort(function(a,b){return a-b;});return out;}`;
