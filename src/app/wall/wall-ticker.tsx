/**
 * The wall's alarm ticker as the wall shows it: the few newest severe alarms, over the map.
 * (What a ticker line says is the ticker's own, in src/ops/wall/alarm-ticker.tsx.)
 */
import { useMemo, type ComponentProps } from 'react';
import { AlarmTicker, newestAlarms } from '../../ops/wall/alarm-ticker';

/** Ticker: alarms at or above this severity, this many. */
const TICKER_SEVERITY = 2;
const TICKER_LENGTH = 6;

/** `alarms`: every alarm the desk lists; the ticker picks its own among them. */
export function WallTicker({ alarms, ...rest }: ComponentProps<typeof AlarmTicker>) {
  const tickerAlarms = useMemo(
    () => newestAlarms(alarms, TICKER_SEVERITY, TICKER_LENGTH),
    [alarms],
  );
  return <AlarmTicker alarms={tickerAlarms} {...rest} />;
}
