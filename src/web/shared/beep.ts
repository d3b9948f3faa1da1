/**
 * The alert sound, synthesised in the page with WebAudio (no audio files). Browsers start an
 * AudioContext suspended until the user interacts with the page; `needsGesture` tells the page
 * to offer a button, and the first click or key press anywhere unlocks it.
 */
let ctx: AudioContext | null = null;
const listeners = new Set<() => void>();

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  ctx = new Ctor();
  ctx.onstatechange = () => listeners.forEach((l) => l());
  return ctx;
}

/** Create the context early and unlock it on the first interaction. */
export function initSound(): void {
  const c = context();
  if (!c) return;
  if (c.state === 'suspended') void c.resume().catch(() => undefined);
  const unlock = (): void => {
    void c.resume().catch(() => undefined);
    if (c.state === 'running') {
      removeEventListener('pointerdown', unlock, true);
      removeEventListener('keydown', unlock, true);
    }
  };
  addEventListener('pointerdown', unlock, true);
  addEventListener('keydown', unlock, true);
}

export function soundState(): 'on' | 'needs-gesture' | 'unavailable' {
  const c = context();
  if (!c) return 'unavailable';
  return c.state === 'running' ? 'on' : 'needs-gesture';
}

export function onSoundStateChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function enableSound(): Promise<void> {
  await context()?.resume();
}

/** Critical: three high, urgent beeps; warning: two lower ones. */
export function beep(severity: 'warning' | 'critical'): void {
  const c = context();
  if (!c) return;
  if (c.state === 'suspended') void c.resume().catch(() => undefined);
  const critical = severity === 'critical';
  const freq = critical ? 988 : 659;
  const count = critical ? 3 : 2;
  const length = critical ? 0.16 : 0.22;
  const t0 = c.currentTime + 0.02;
  for (let i = 0; i < count; i++) {
    const start = t0 + i * (length + 0.09);
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = critical ? 'square' : 'sine';
    osc.frequency.value = freq;
    // A short attack and release, so the tone does not click.
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(critical ? 0.25 : 0.35, start + 0.015);
    gain.gain.setValueAtTime(critical ? 0.25 : 0.35, start + length - 0.03);
    gain.gain.linearRampToValueAtTime(0, start + length);
    osc.connect(gain).connect(c.destination);
    osc.start(start);
    osc.stop(start + length + 0.01);
  }
}
