// Bundle entry point (esbuild → /assets/app-<hash>.js, loaded with `defer` by index.html).
import { start } from './app.js';

start(document, window);
