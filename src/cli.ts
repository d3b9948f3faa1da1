#!/usr/bin/env node
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const USAGE = `earshot — real-time compliance guard for collection calls

  earshot serve                      run the server (PORT, HOST, EARSHOT_* from the environment)
  earshot replay FILE.wav [--lang en|es|zh] [--protocol native|twilio] [--url ws://127.0.0.1:8080]
                          [--agent ID] [--call ID] [--speed 1] [--token T]
                                     stream a recording as a live call at real-time pace, print events
  earshot classify                   JSONL utterances on stdin -> JSONL labels and findings on stdout
  earshot models list [--json]       speech models of models/manifest.json and whether each is installed
  earshot models fetch NAME... [--base-url URL]
                                     download into EARSHOT_MODELS_DIR, every SHA-256 checked, resumable
  earshot models verify [NAME...]    re-check installed models file by file; exit 1 if any is damaged
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { runServe } = await import('./cli/serve.js');
      return runServe();
    }
    case 'replay': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          lang: { type: 'string', default: 'en' },
          protocol: { type: 'string', default: 'native' },
          url: { type: 'string', default: `ws://127.0.0.1:${process.env.PORT ?? 8080}` },
          agent: { type: 'string', default: 'agent-1' },
          call: { type: 'string' },
          speed: { type: 'string', default: '1' },
          token: { type: 'string' },
        },
      });
      const file = positionals[0];
      if (!file) throw new Error('replay needs a WAV file: earshot replay FILE.wav');
      if (values.protocol !== 'native' && values.protocol !== 'twilio') throw new Error('--protocol must be native or twilio');
      const speed = Number(values.speed);
      if (!(speed > 0)) throw new Error('--speed must be a positive number');
      const { runReplay } = await import('./cli/replay.js');
      return runReplay({
        file,
        url: values.url!,
        protocol: values.protocol,
        language: values.lang!,
        agentId: values.agent!,
        callId: values.call ?? `replay-${randomUUID()}`,
        speed,
        chunkMs: 20,
        token: values.token ?? process.env.EARSHOT_TOKEN,
        lingerMs: 5000,
      });
    }
    case 'models': {
      const { runModels } = await import('./cli/models.js');
      process.exitCode = await runModels(rest);
      return;
    }
    case 'classify': {
      const { runClassify } = await import('./cli/classify.js');
      return runClassify(process.stdin, process.stdout);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return;
    default:
      process.stderr.write(`earshot: unknown command "${command}"\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`earshot: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
