import { z } from 'zod';

// zod probes for eval (new Function) the first time it parses; our CSP forbids eval and reports even
// a caught attempt. The Signpost engine parses facts in the browser, so zod must run without it.
z.config({ jitless: true });
