// Spanish number / amount / date speech helpers (Spain and Mexico/Latin America).
import { int, pick, type Rng } from './lib.js';

const U = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
const T = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const H = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

/** Two spoken digits of a phone number: "05" -> "cero cinco". */
function pair(s: string): string {
  return s.startsWith('0') ? `cero ${D[Number(s.slice(1))] ?? ''}`.trim() : below100(Number(s));
}
function below100(n: number): string {
  if (n < 30) return U[n] as string;
  const t = T[Math.floor(n / 10)] as string;
  return n % 10 ? `${t} y ${U[n % 10]}` : t;
}
function below1000(n: number): string {
  if (n === 100) return 'cien';
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (!h) return below100(r);
  return r ? `${H[h]} ${below100(r)}` : (H[h] as string);
}
/** Apocope before a masculine noun or "mil": veintiuno -> veintiún, uno -> un. */
function apoc(s: string): string {
  return s.replace(/veintiuno$/, 'veintiún').replace(/(^| )uno$/, '$1un');
}
export function esNumber(n: number): string {
  if (n < 1000) return below1000(n);
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  const head = th === 1 ? 'mil' : `${apoc(below1000(th))} mil`;
  return r ? `${head} ${below1000(r)}` : head;
}
/** Number followed by a masculine noun (pesos, euros, meses). */
export function esCount(n: number, noun: string): string {
  if (n === 1) return `un ${noun.replace(/s$/, '')}`;
  return `${apoc(esNumber(n))} ${noun}`;
}

function grp(n: number, sep: string): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export function esMoney(rng: Rng, region: 'ES' | 'MX', size: 's' | 'm' | 'l'): string {
  let n: number;
  const mx = region === 'MX';
  if (size === 's') n = mx ? pick(rng, [200, 300, 350, 400, 500, 600, 750, 800, 1000, 1200, 1500, 2000, int(rng, 3, 30) * 100]) : pick(rng, [20, 25, 30, 40, 50, 60, 75, 80, 100, 120, 150, 200, int(rng, 2, 30) * 10]);
  else if (size === 'm') n = mx ? (rng() < 0.6 ? int(rng, 20, 400) * 50 : int(rng, 1500, 45000)) : (rng() < 0.5 ? int(rng, 20, 300) * 10 : int(rng, 150, 4500));
  else n = mx ? int(rng, 30, 400) * 500 : (rng() < 0.6 ? int(rng, 20, 300) * 50 : int(rng, 3000, 25000));
  const cents = size !== 's' && rng() < 0.15 ? int(rng, 1, 99) : 0;
  const cur = mx ? 'pesos' : 'euros';
  const r = rng();
  if (r < 0.6) {
    const w = esCount(n, cur);
    return cents ? `${w} con ${esCount(cents, mx ? 'centavos' : 'céntimos')}` : w;
  }
  if (mx) return r < 0.85 ? `$${grp(n, ',')}${cents ? '.' + String(cents).padStart(2, '0') : ''} pesos` : `${grp(n, ',')} pesos`;
  return r < 0.85 ? `${grp(n, '.')}${cents ? ',' + String(cents).padStart(2, '0') : ''} euros` : `${grp(n, '.')} €`;
}

export const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const DIAS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'];

export function esDay(rng: Rng, region: 'ES' | 'MX'): string {
  const d = int(rng, 1, 28);
  const r = rng();
  if (r < 0.2) return pick(rng, [...DIAS.map((x) => `el ${x}`), ...DIAS.map((x) => `el próximo ${x}`), ...DIAS.map((x) => `este ${x}`)]);
  if (r < 0.45) return `el ${d === 1 ? (region === 'MX' ? 'primero' : 'uno') : below100(d)} de ${pick(rng, MESES)}`;
  if (r < 0.65) return `el día ${below100(d)}`;
  if (r < 0.8) return `el ${d} de ${pick(rng, MESES)}`;
  return region === 'MX' ? pick(rng, ['la próxima quincena', 'el día de pago', 'a fin de mes', 'el quince', 'el treinta']) : pick(rng, ['a final de mes', 'cuando cobre la nómina', 'el día uno', 'la semana que viene']);
}

export function esPast(rng: Rng): string {
  const r = rng();
  if (r < 0.35) return pick(rng, ['el mes pasado', 'la semana pasada', 'hace dos meses', 'hace tres meses', 'el año pasado', 'en verano', 'hace medio año']);
  if (r < 0.7) return `el ${below100(int(rng, 2, 28))} de ${pick(rng, MESES)}`;
  return `en ${pick(rng, MESES)}`;
}

const D = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
export function esDigits(s: string): string {
  return s.split('').map((c) => D[Number(c)] ?? c).join(' ');
}
export function esPhone(rng: Rng, region: 'ES' | 'MX'): string {
  if (region === 'ES') {
    const p = `${pick(rng, ['91', '93', '96', '95', '98', '600', '611', '622'])}`;
    const rest = String(int(rng, 1000000, 9999999)).slice(0, 9 - p.length);
    const full = p + rest;
    return rng() < 0.5 ? `${full.slice(0, 3)} ${full.slice(3, 6)} ${full.slice(6)}` : `${pair(full.slice(0, 2))}, ${esDigits(full.slice(2, 5))}, ${pair(full.slice(5, 7))}, ${pair(full.slice(7, 9))}`;
  }
  const a = pick(rng, ['55', '33', '81', '222', '442', '664']);
  const rest = String(int(rng, 10000000, 99999999)).slice(0, 10 - a.length);
  const full = a + rest;
  if (rng() < 0.5) return `${a} ${rest.slice(0, rest.length - 4)} ${rest.slice(-4)}`;
  const pairs: string[] = [];
  for (let i = 0; i < full.length; i += 2) pairs.push(pair(full.slice(i, i + 2)));
  return pairs.join(', ');
}
export function esLast4(rng: Rng): string {
  const s = String(int(rng, 1000, 9999));
  return rng() < 0.6 ? esDigits(s) : s;
}
