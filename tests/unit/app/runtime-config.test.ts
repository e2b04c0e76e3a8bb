import { describe, expect, it } from 'vitest';
import { ConfigError, loadRuntimeConfig, parseRuntimeConfig } from '../../../src/app/config/runtime-config';

const location = (href: string) => new URL(href) as unknown as Location;

function problems(json: unknown): readonly string[] {
  try {
    parseRuntimeConfig(json, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('runtime config', () => {
  it('fills defaults for an empty config', () => {
    expect(parseRuntimeConfig({}, 'test')).toMatchObject({
      apiBaseUrl: '/api/v1',
      mock: { enabled: false },
      basemap: { kind: 'embedded' },
    });
  });
  it('names the key and what was expected', () => {
    expect(problems({ mock: { enabled: 'yes' } })[0]).toMatch(/^mock\.enabled: .*boolean/);
    expect(problems({ basemap: { kind: 'style', url: 'not a url' } })[0]).toMatch(/^basemap\.url: /);
    expect(problems({ requestTimeoutMs: 10 })[0]).toMatch(/^requestTimeoutMs: /);
  });
  it('rejects unknown keys (a typo must not be silently ignored)', () => {
    expect(problems({ apiBaseURL: '/x' })[0]).toMatch(/apiBaseURL/);
  });
  it('loads from ?config= and reports an unreachable or broken file', async () => {
    const seen: string[] = [];
    const ok = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ apiBaseUrl: 'https://city.example/api' }));
    }) as typeof fetch;
    const config = await loadRuntimeConfig(location('https://ops.example/?config=/wall.json'), ok);
    expect(seen).toEqual(['https://ops.example/wall.json']);
    expect(config.apiBaseUrl).toBe('https://city.example/api');

    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(loadRuntimeConfig(location('https://ops.example/'), down)).rejects.toThrow(ConfigError);
    const notJson = (async () => new Response('<html>')) as typeof fetch;
    await expect(loadRuntimeConfig(location('https://ops.example/'), notJson)).rejects.toMatchObject({
      problems: ['(root): not valid JSON'],
    });
    const missing = (async () => new Response('', { status: 404 })) as typeof fetch;
    await expect(loadRuntimeConfig(location('https://ops.example/'), missing)).rejects.toMatchObject({
      problems: ['https://ops.example/cityops.config.json: HTTP 404'],
    });
  });
});
