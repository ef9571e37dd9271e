import type { z } from 'zod';
import type { Strategy } from '../schema.ts';

/** A library entry as written; schema.ts fills defaults and validates it. */
export type Entry = z.input<typeof Strategy>;
