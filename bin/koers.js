#!/usr/bin/env node
// The `koers` command. Koers runs its TypeScript sources directly through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
