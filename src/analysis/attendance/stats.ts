// Small exact statistics for the detectors. Avoidance detectors ask "are this student's absences
// concentrated on some days beyond what chance gives?" Conditional on how many days the student
// missed in all, the number falling on the days in question is hypergeometric (Fisher's exact
// test): no normal approximation, so it stays honest for the small counts a school year gives.

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * P(X >= k) for X ~ Hypergeometric(population, successes, draws): the chance that `draws` days
 * picked at random from `population` days, `successes` of which are events, hold `k` or more events.
 */
export function hypergeometricUpperTail(k: number, population: number, successes: number, draws: number): number {
  const hi = Math.min(draws, successes);
  const lo = Math.max(k, 0, draws - (population - successes));
  if (lo > hi) return 0;
  const denominator = logChoose(population, draws);
  let p = 0;
  for (let i = lo; i <= hi; i++) p += Math.exp(logChoose(successes, i) + logChoose(population - successes, draws - i) - denominator);
  return Math.min(1, p);
}

export interface MeanSd {
  n: number;
  mean: number;
  variance: number;
}

export function meanAndVariance(values: readonly number[]): MeanSd {
  const n = values.length;
  if (n === 0) return { n, mean: 0, variance: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { n, mean, variance: n > 1 ? sq / (n - 1) : 0 };
}

/** Welch's t for the difference a - b; Infinity (signed) when both samples are constant and differ. */
export function welchT(a: MeanSd, b: MeanSd): number {
  const diff = a.mean - b.mean;
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  if (se === 0) return diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  return diff / se;
}

/**
 * The lower end of Wilson's score interval for a proportion (one-sided, z = 1.645: 95%). Used
 * where a rate measured over a few weeks is extrapolated, so one short spell does not carry.
 */
export function wilsonLower(successes: number, n: number, z = 1.645): number {
  if (n === 0) return 0;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}
