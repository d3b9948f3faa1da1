/**
 * Alerts for QA and supervisors (design.md § REST): list with filters, one alert with its clip's
 * range, the words around it and its reviews, the clip as a WAV, verdicts, and a CSV export.
 * Agents see only their own alerts; listening to a clip and reviewing are audit-logged.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AlertFilter, AlertRecord, Store } from '../store/index.js';
import { StoreError } from '../store/index.js';
import type { AuthConfig } from './auth.js';
import { alertsCsv } from './csv.js';
import { requirePermission } from './guard.js';
import { badQuery, count, oneOf, sendError, time } from './query.js';

interface AlertsQuery {
  agentId?: string;
  callId?: string;
  category?: string;
  severity?: string;
  status?: string;
  from?: string;
  to?: string;
  includeRetracted?: string;
  limit?: string;
  offset?: string;
  cursor?: string;
}

const CATEGORIES = ['threat', 'insult', 'false_legal', 'third_party_disclosure', 'tone'] as const;
/** Rows in one CSV export at most; narrow the filter for more. */
const EXPORT_MAX_ROWS = 50_000;

function filterOf(req: FastifyRequest<{ Querystring: AlertsQuery }>): AlertFilter {
  const q = req.query;
  if (q.includeRetracted !== undefined && !['true', 'false', ''].includes(q.includeRetracted)) {
    throw new StoreError('STORE_INVALID', 'includeRetracted must be true or false');
  }
  return {
    agentId: req.grant?.agentScope ?? q.agentId,
    callId: q.callId || undefined,
    category: oneOf(q.category, CATEGORIES, 'category'),
    severity: oneOf(q.severity, ['warning', 'critical'] as const, 'severity'),
    status: oneOf(q.status, ['open', 'confirmed', 'dismissed'] as const, 'status'),
    from: time(q.from, 'from'),
    to: time(q.to, 'to'),
    includeRetracted: q.includeRetracted === 'true',
  };
}

export function registerAlertRoutes(app: FastifyInstance, store: Store, auth: AuthConfig): void {
  const read = requirePermission(auth, (req) => ({ kind: 'calls:read', agentId: (req.query as AlertsQuery).agentId }));

  /** The alert, or a 404 (also for an agent asking about someone else's alert: not even that it exists). */
  const visibleAlert = async (req: FastifyRequest<{ Params: { alertId: string } }>, reply: FastifyReply): Promise<AlertRecord | null> => {
    const alert = await store.getAlert(req.params.alertId);
    const scope = req.grant?.agentScope;
    if (!alert || (scope !== undefined && alert.agentId !== scope)) {
      void sendError(reply, 404, 'ALERT_NOT_FOUND', `no alert ${req.params.alertId}`);
      return null;
    }
    return alert;
  };

  app.get<{ Querystring: AlertsQuery }>('/v1/alerts', { preValidation: read }, async (req, reply) => {
    try {
      const q = req.query;
      return await store.listAlerts(filterOf(req), { limit: count(q.limit, 'limit'), offset: count(q.offset, 'offset'), cursor: q.cursor });
    } catch (err) {
      return badQuery(reply, err);
    }
  });

  app.get<{ Querystring: AlertsQuery }>('/v1/alerts.csv', { preValidation: read }, async (req, reply) => {
    let filter: AlertFilter;
    try {
      filter = filterOf(req);
    } catch (err) {
      return badQuery(reply, err);
    }
    const rows: AlertRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listAlerts(filter, { limit: 500, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && rows.length < EXPORT_MAX_ROWS);
    const principal = req.grant?.principal;
    await store.audit({
      actor: principal?.label ?? 'unknown',
      role: principal?.role,
      action: 'alerts.export',
      targetType: 'alerts',
      detail: { filter: { ...filter }, rows: rows.length },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="earshot-alerts-${stamp}.csv"`)
      .send(alertsCsv(rows.slice(0, EXPORT_MAX_ROWS)));
  });

  app.get<{ Params: { alertId: string } }>(
    '/v1/alerts/:alertId',
    { preValidation: requirePermission(auth, () => ({ kind: 'calls:read' })) },
    async (req, reply) => {
      const alert = await visibleAlert(req, reply);
      if (!alert) return reply;
      const [reviews, clip] = await Promise.all([store.listReviews(alert.alertId), store.getClip(alert.alertId)]);
      // The words QA sees highlighted while the clip plays: every final word inside the clip's range.
      const from = clip?.startMs ?? alert.startMs;
      const to = clip?.endMs ?? alert.endMs;
      const utterances = await store.listUtterances(alert.callId, { fromMs: from, toMs: to });
      const words = utterances.flatMap((u) =>
        u.words
          .filter((w) => w.endMs > from && w.startMs < to)
          .map((w) => ({ channel: u.channel, word: w.word, startMs: w.startMs, endMs: w.endMs })),
      );
      words.sort((a, b) => a.startMs - b.startMs);
      return {
        ...alert,
        reviews,
        clip: clip
          ? {
              startMs: clip.startMs,
              endMs: clip.endMs,
              durationMs: clip.durationMs,
              preRollMs: clip.preRollMs,
              postRollMs: clip.postRollMs,
              channels: clip.channels,
              sampleRate: clip.sampleRate,
            }
          : null,
        words,
      };
    },
  );

  app.get<{ Params: { alertId: string } }>(
    '/v1/alerts/:alertId/clip.wav',
    { preValidation: requirePermission(auth, () => ({ kind: 'clips:listen' })) },
    async (req, reply) => {
      const alert = await visibleAlert(req, reply);
      if (!alert) return reply;
      const clip = await store.getClip(alert.alertId);
      const size = clip ? await stat(clip.path).then((s) => s.size, () => null) : null;
      if (!clip || size === null) return sendError(reply, 404, 'CLIP_NOT_FOUND', `alert ${alert.alertId} has no clip (yet)`);
      const range = parseRange(req.headers.range, size);
      if (range === 'unsatisfiable') {
        return reply.code(416).header('content-range', `bytes */${size}`).send({ error: { code: 'BAD_RANGE', message: 'range not satisfiable' } });
      }
      // One audit entry per listen: a whole-file request or the open-ended first request of a
      // playback (`bytes=0-`), not every seek or probe.
      const rangeHeader = req.headers.range?.trim();
      if (!rangeHeader || rangeHeader === 'bytes=0-') {
        const principal = req.grant?.principal;
        await store.audit({
          actor: principal?.label ?? 'unknown',
          role: principal?.role,
          action: 'clip.listen',
          targetType: 'alert',
          targetId: alert.alertId,
          detail: { callId: alert.callId },
        });
      }
      reply.header('content-type', 'audio/wav').header('accept-ranges', 'bytes').header('cache-control', 'private, no-store');
      if (!range) return reply.header('content-length', size).send(createReadStream(clip.path));
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(createReadStream(clip.path, { start: range.start, end: range.end }));
    },
  );

  app.post<{ Params: { alertId: string }; Body: unknown }>(
    '/v1/alerts/:alertId/review',
    { preValidation: requirePermission(auth, () => ({ kind: 'alerts:review' })) },
    async (req, reply) => {
      const body = req.body as { verdict?: unknown; note?: unknown } | null;
      const verdict = body?.verdict;
      if (verdict !== 'confirmed' && verdict !== 'dismissed') {
        return sendError(reply, 400, 'BAD_REVIEW', 'verdict must be "confirmed" or "dismissed"');
      }
      if (body?.note !== undefined && typeof body.note !== 'string') return sendError(reply, 400, 'BAD_REVIEW', 'note must be a string');
      const note = (body?.note as string | undefined) ?? '';
      if (note.length > 4000) return sendError(reply, 400, 'BAD_REVIEW', 'note is longer than 4000 characters');
      const principal = req.grant?.principal;
      try {
        const review = await store.addReview({
          alertId: req.params.alertId,
          verdict,
          note,
          reviewer: principal?.label ?? 'unknown',
          role: principal?.role,
        });
        return reply.code(201).send(review);
      } catch (err) {
        if (err instanceof StoreError && err.code === 'STORE_NOT_FOUND') {
          return sendError(reply, 404, 'ALERT_NOT_FOUND', `no alert ${req.params.alertId}`);
        }
        throw err;
      }
    },
  );
}

/** One `bytes=a-b` range (what audio elements ask for); multi-range requests get the whole file. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return null;
  let start: number;
  let end: number;
  if (a === '') {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
