import client from 'prom-client';

/** Prometheus metrics of one server process (GET /metrics). */
export class Metrics {
  readonly registry = new client.Registry();
  readonly transcriptLatency = new client.Histogram({
    name: 'earshot_transcript_latency_seconds',
    help: 'From the audio being received to the transcript event carrying it, by stage (partial or final)',
    labelNames: ['stage', 'engine'] as const,
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
    registers: [this.registry],
  });
  readonly realTimeFactor = new client.Gauge({
    name: 'earshot_asr_real_time_factor',
    help: 'Decode time over audio time in the last second, per engine (above 1: falling behind)',
    labelNames: ['engine'] as const,
    registers: [this.registry],
  });
  readonly activeCalls = new client.Gauge({ name: 'earshot_active_calls', help: 'Calls live now', registers: [this.registry] });
  readonly activeChannels = new client.Gauge({ name: 'earshot_active_asr_streams', help: 'Channels being transcribed now', registers: [this.registry] });
  readonly audioSeconds = new client.Counter({
    name: 'earshot_audio_received_seconds_total',
    help: 'Seconds of channel audio received',
    labelNames: ['protocol'] as const,
    registers: [this.registry],
  });
  readonly ingestErrors = new client.Counter({
    name: 'earshot_ingest_errors_total',
    help: 'Ingest connections refused or closed with an error, by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly asrLagging = new client.Gauge({
    name: 'earshot_asr_lagging_streams',
    help: 'Channels whose transcription is behind real time (partials dropped)',
    registers: [this.registry],
  });
  readonly asrDroppedAudio = new client.Counter({
    name: 'earshot_asr_dropped_audio_seconds_total',
    help: 'Audio dropped because transcription was too far behind (memory bound)',
    registers: [this.registry],
  });
  readonly transcripts = new client.Counter({
    name: 'earshot_transcripts_total',
    help: 'Transcript events emitted',
    labelNames: ['final'] as const,
    registers: [this.registry],
  });
  readonly alerts = new client.Counter({
    name: 'earshot_alerts_total',
    help: 'Alerts raised, by category, severity and basis (partial transcript, final transcript, audio)',
    labelNames: ['category', 'severity', 'basis'] as const,
    registers: [this.registry],
  });
  readonly alertsRetracted = new client.Counter({
    name: 'earshot_alerts_retracted_total',
    help: 'Alerts raised on a partial transcript that the final no longer supported',
    registers: [this.registry],
  });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'earshot_' });
  }
}
