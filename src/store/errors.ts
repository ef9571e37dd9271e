// Prisma's error codes that the store acts on.

/** A unique constraint refused the row: someone else holds that key (a claim was lost). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
