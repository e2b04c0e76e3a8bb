/**
 * The project's Vite config for the one browser test that runs the development build, with its
 * own dependency cache: other people's dev servers in the same checkout keep theirs undisturbed.
 */
import { mergeConfig } from 'vite';
import base from '../../../vite.config';

export default mergeConfig(base, {
  cacheDir: 'node_modules/.vite-e2e',
});
