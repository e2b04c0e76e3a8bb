/**
 * `npm run mock-server -- --port 8787 --seed 42 --scale city [--host 127.0.0.1]
 * [--faults fire.hydrants:500] [--no-demo]`: the demo backend for several screens at once.
 */
import { isFaultKind } from '../faults';
import { CITY_SCALES, isCityScale, type CityScale } from '../city/scale';
import { startStandaloneServer } from './standalone-server';

interface Arguments {
  port: number;
  host: string;
  seed: number;
  scale: CityScale;
  faults: string | undefined;
  demo: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = {
    port: 8787,
    host: '127.0.0.1',
    seed: 42,
    scale: 'city',
    faults: undefined,
    demo: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const integer = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new Error(`${flag} needs an integer, got "${value ?? ''}"`);
      i++;
      return n;
    };
    switch (flag) {
      case '--port':
        parsed.port = integer();
        break;
      case '--seed':
        parsed.seed = integer();
        break;
      case '--host':
        parsed.host = value ?? parsed.host;
        i++;
        break;
      case '--scale':
        if (value === undefined || !isCityScale(value))
          throw new Error(`--scale is one of ${CITY_SCALES.join(', ')}`);
        parsed.scale = value;
        i++;
        break;
      case '--faults':
        parsed.faults = value;
        i++;
        break;
      case '--no-demo':
        parsed.demo = false;
        break;
      case '--':
        break;
      default:
        throw new Error(`unknown argument "${flag ?? ''}"`);
    }
  }
  if (parsed.port < 0 || parsed.port > 65535) throw new Error('--port is 0..65535');
  // Fail on a bad fault spec before the (slow, at city scale) city generation.
  for (const entry of parsed.faults?.split(',') ?? []) {
    const kind = entry.slice(entry.lastIndexOf(':') + 1).trim();
    if (!isFaultKind(kind)) throw new Error(`bad fault "${entry}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const server = await startStandaloneServer(args);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `CityOps mock server listening on ${server.apiBaseUrl} (${server.world.city.name.en}, seed ${args.seed}, ${args.scale}, ready in ${seconds} s)`,
  );
  const shutdown = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
