/**
 * Coalesces many model changes into one render: at most one per animation frame while the page
 * is visible (events may arrive hundreds per second), and on a short timer while it is hidden,
 * where browsers stop animation frames but a collector's alert must still reach the title bar.
 */
export function renderScheduler(render: () => void): () => void {
  let pending = false;
  const run = (): void => {
    pending = false;
    render();
  };
  return () => {
    if (pending) return;
    pending = true;
    if (document.hidden) setTimeout(run, 100);
    else requestAnimationFrame(run);
  };
}
