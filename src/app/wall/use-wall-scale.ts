/**
 * The wall's size: everything on it is in `rem`, and the root font size is a 96th of the
 * screen's width (the `wall-mode` class on the page), so a 3840×2160 wall shows the 1920×1080
 * screen at twice the size.
 */
import { useLayoutEffect, useState } from 'react';

/** The wall scales with the screen: the root font size is a 96th of its width. */
export function useWallScale(): number {
  useLayoutEffect(() => {
    document.documentElement.classList.add('wall-mode');
    return () => document.documentElement.classList.remove('wall-mode');
  }, []);
  const [rem, setRem] = useState(20);
  useLayoutEffect(() => {
    const read = () =>
      setRem(Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 20);
    read();
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }, []);
  return rem;
}
