// Mandarin number / amount / date speech helpers.
import { int, pick, type Rng } from './lib.js';

const D = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function below10k(n: number, liang: boolean): string {
  // n in 0..9999
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let zero = false;
  let started = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) { parts.push('零'); zero = false; }
    let ch = D[d] as string;
    if (d === 2 && liang && (i === 0 || i === 1)) ch = '两';
    parts.push(ch + units[i]);
    started = true;
  });
  return parts.join('');
}

/** Chinese numeral for 0 .. 99,999,999 (两 for leading 2 in 千/百/万, 十 for 10-19). */
export function zhNumber(n: number, rng: Rng): string {
  if (n === 0) return '零';
  const liang = rng() < 0.8;
  const wan = Math.floor(n / 10000);
  const rest = n % 10000;
  let s = '';
  if (wan) {
    s = (wan === 2 && liang ? '两' : below10k(wan, liang)) + '万';
    if (rest) s += (rest < 1000 ? '零' : '') + below10k(rest, liang);
  } else s = below10k(rest, liang);
  return s.replace(/^一十/, '十');
}

/** Colloquial short form: 12000 -> 一万二, 2500 -> 两千五, 3800 -> 三千八 (only when it fits). */
function shortForm(n: number, rng: Rng): string | null {
  if (n >= 10000 && n < 100000 && n % 1000 === 0 && n % 10000 !== 0) {
    return `${zhNumber(Math.floor(n / 10000) * 10000, rng)}${D[(n % 10000) / 1000]}`;
  }
  if (n >= 1000 && n < 10000 && n % 100 === 0 && n % 1000 !== 0) {
    return `${zhNumber(Math.floor(n / 1000) * 1000, rng)}${D[(n % 1000) / 100]}`;
  }
  return null;
}

export function zhMoney(rng: Rng, size: 's' | 'm' | 'l'): string {
  let n: number;
  if (size === 's') n = pick(rng, [200, 300, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000, int(rng, 3, 40) * 100]);
  else if (size === 'm') n = rng() < 0.6 ? int(rng, 10, 600) * 100 : int(rng, 800, 60000);
  else n = rng() < 0.6 ? int(rng, 5, 50) * 10000 : int(rng, 20, 300) * 1000;
  const r = rng();
  if (r < 0.15) {
    const sf = shortForm(n, rng);
    if (sf) return sf;
  }
  if (r < 0.6) return zhNumber(n, rng) + pick(rng, ['元', '块', '块钱', '元']);
  if (r < 0.85) return `${n}元`;
  return `${n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`;
}

export function zhSmallNum(n: number, rng: Rng): string {
  return rng() < 0.8 ? zhNumber(n, rng) : String(n);
}

export function zhDay(rng: Rng): string {
  const d = int(rng, 1, 28);
  const m = int(rng, 1, 12);
  const r = rng();
  if (r < 0.25) return pick(rng, ['明天', '后天', '这周五', '下周一', '下周三', '这周末', '月底', '这个月底', '下个月初', '发工资那天']);
  if (r < 0.5) return `${zhNumber(d, rng)}号`;
  if (r < 0.7) return `${zhNumber(m, rng)}月${zhNumber(d, rng)}号`;
  if (r < 0.85) return `${m}月${d}日`;
  return `本月${zhNumber(d, rng)}号`;
}

export function zhPast(rng: Rng): string {
  return pick(rng, ['上个月', '上周', '两个月前', '三个月前', '去年', '半年前', `${zhNumber(int(rng, 1, 12), rng)}月份`, `${zhNumber(int(rng, 1, 12), rng)}月${zhNumber(int(rng, 1, 28), rng)}号`]);
}

const YAO = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];
export function zhPhone(rng: Rng): string {
  const s = `1${pick(rng, ['38', '39', '58', '86', '77', '35', '52'])}${String(int(rng, 10000000, 99999999))}`;
  const r = rng();
  if (r < 0.4) return s.split('').map((c) => YAO[Number(c)]).join('');
  if (r < 0.7) return `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7)}`;
  return pick(rng, ['400', '95']) === '400' ? `400-${int(rng, 100, 999)}-${int(rng, 1000, 9999)}` : s;
}

export function zhLast4(rng: Rng): string {
  const s = String(int(rng, 1000, 9999));
  return rng() < 0.5 ? s.split('').map((c) => YAO[Number(c)]).join('') : s;
}
