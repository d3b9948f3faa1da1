// English number / amount / date speech helpers (as speech recognisers write them).
import { int, pick, type Rng } from './lib.js';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function enBelow100(n: number): string {
  if (n < 20) return ONES[n] as string;
  const t = TENS[Math.floor(n / 10)] as string;
  return n % 10 ? `${t}-${ONES[n % 10]}` : t;
}

export function enBelow1000(n: number, and: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (!h) return enBelow100(r);
  return r ? `${ONES[h]} hundred ${and ? 'and ' : ''}${enBelow100(r)}` : `${ONES[h]} hundred`;
}

export function enNumber(n: number, rng: Rng): string {
  const and = rng() < 0.5;
  if (n < 1000) return enBelow1000(n, and);
  // "twelve hundred" style for 1100..9900 multiples of 100 (not 2000, 3000 ...)
  if (n < 10000 && n % 100 === 0 && n % 1000 !== 0 && rng() < 0.5) return `${enBelow100(n / 100)} hundred`;
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  const head = `${enBelow1000(th, and)} thousand`;
  if (!r) return head;
  return r < 100 ? `${head} ${and ? 'and ' : ''}${enBelow100(r)}` : `${head} ${enBelow1000(r, and)}`;
}

function withCommas(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A money amount in dollars, spoken or digits. size: 's' small payment, 'm' balance, 'l' large balance. */
export function enMoney(rng: Rng, size: 's' | 'm' | 'l'): string {
  let n: number;
  if (size === 's') n = pick(rng, [25, 40, 50, 60, 75, 80, 100, 120, 125, 150, 175, 200, 250, 300, 350, 400, int(rng, 3, 40) * 10]);
  else if (size === 'm') n = rng() < 0.5 ? int(rng, 30, 300) * 10 + pick(rng, [0, 0, 5]) : int(rng, 120, 2500) + (rng() < 0.3 ? 0 : int(rng, 0, 9));
  else n = rng() < 0.6 ? int(rng, 25, 400) * 50 : int(rng, 2000, 38000);
  const cents = size !== 's' && rng() < 0.2 ? int(rng, 1, 99) : 0;
  const r = rng();
  if (r < 0.62) {
    const w = `${enNumber(n, rng)} dollar${n === 1 ? '' : 's'}`;
    return cents ? `${w} and ${enBelow100(cents)} cents` : w;
  }
  if (r < 0.85) return cents ? `$${withCommas(n)}.${String(cents).padStart(2, '0')}` : `$${withCommas(n)}`;
  return `${withCommas(n)} dollars`;
}

const ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
export function enOrdinal(d: number): string {
  if (d <= 20) return ORD[d] as string;
  if (d === 30) return 'thirtieth';
  const t = d < 30 ? 'twenty' : 'thirty';
  return `${t}-${ORD[d % 10]}`;
}
function ordDigits(d: number): string {
  const s = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return `${d}${s}`;
}
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A future due date / promise date. */
export function enDay(rng: Rng): string {
  const d = int(rng, 1, 28);
  const r = rng();
  if (r < 0.2) return pick(rng, WEEKDAYS.map((w) => `this ${w}`).concat(WEEKDAYS.map((w) => `next ${w}`), WEEKDAYS));
  if (r < 0.45) return `the ${enOrdinal(d)}`;
  if (r < 0.7) return `${pick(rng, MONTHS)} ${enOrdinal(d)}`;
  if (r < 0.85) return `${pick(rng, MONTHS)} ${ordDigits(d)}`;
  return `the ${ordDigits(d)}`;
}

/** A past date. */
export function enPast(rng: Rng): string {
  const r = rng();
  if (r < 0.3) return pick(rng, ['last month', 'last week', 'back in the spring', 'two months ago', 'three months ago', 'last year', 'in the summer']);
  if (r < 0.65) return `${pick(rng, MONTHS)} ${enOrdinal(int(rng, 1, 28))}`;
  return `back in ${pick(rng, MONTHS)}`;
}

const DIG = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export function enDigitsSpoken(s: string, rng: Rng): string {
  return s.split('').map((c) => (c === '0' && rng() < 0.4 ? 'oh' : DIG[Number(c)] ?? c)).join(' ');
}

export function enPhone(rng: Rng): string {
  const area = pick(rng, ['800', '888', '877', '866', '214', '312', '602', '713', '404', '305']);
  const tail = `01${int(rng, 0, 9)}${int(rng, 0, 9)}`;
  const r = rng();
  if (r < 0.45) {
    const a = area.startsWith('8') && rng() < 0.5 ? `${DIG[8]} hundred` : enDigitsSpoken(area, rng);
    return `${a}, five five five, ${enDigitsSpoken(tail, rng)}`;
  }
  if (r < 0.8) return `${area}-555-${tail}`;
  return `(${area}) 555-${tail}`;
}

export function enLast4(rng: Rng): string {
  const s = String(int(rng, 1000, 9999));
  return rng() < 0.6 ? enDigitsSpoken(s, rng) : s;
}
