// @vitest-environment jsdom
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cameraStartedMoving, REST_MS } from '../../../src/ui/camera-motion';
import { useNow } from '../../../src/ui/use-now';

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('gives every reader at one interval the same tick, in one render, from one timer', () => {
    const commits = vi.fn();
    const seen: number[][] = [];
    function Reader({ slot }: { slot: number }) {
      const now = useNow(1_000);
      (seen[slot] ??= []).push(now);
      return null;
    }
    function Page() {
      commits();
      return (
        <>
          <Reader slot={0} />
          <Reader slot={1} />
          <Reader slot={2} />
        </>
      );
    }
    const { unmount } = render(<Page />);
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(1_000));
    expect(seen.map((values) => values.at(-1))).toEqual([1_001_000, 1_001_000, 1_001_000]);
    // The readers re-render; the page that holds them does not.
    expect(seen[0]).toHaveLength(2);
    expect(commits).toHaveBeenCalledTimes(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts from the time now after nobody read it for a while', () => {
    const first = renderHook(() => useNow(5_000));
    first.unmount();
    vi.setSystemTime(2_000_000);
    const later = renderHook(() => useNow(5_000));
    expect(later.result.current).toBe(2_000_000);
    later.unmount();
  });

  it('does not tick while the camera moves; the tick shows once it rests', () => {
    const { result, unmount } = renderHook(() => useNow(1_000));
    const stop = cameraStartedMoving();
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(1_000_000);
    stop();
    act(() => vi.advanceTimersByTime(REST_MS));
    // Read when it is shown: the time at rest, not the time of the tick that was held.
    expect(result.current).toBe(1_001_000 + REST_MS);
    unmount();
  });
});
