/**
 * MSW keeps request cookies in `localStorage`, which dedicated workers do not have; MSW refuses
 * to load without it. The demo backend uses no cookies, so an in-memory store stands in. This
 * module must be imported before anything that imports `msw`.
 */
import { MemoryStorage } from './memory-storage';

if (!('localStorage' in globalThis)) {
  Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage() });
}
