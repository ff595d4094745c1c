/**
 * Nelder–Mead minimization (Lagarias et al. 1998 coefficients: reflection 1, expansion 2, contraction
 * ½, shrink ½), restarted from its best point until a restart no longer improves: a plain simplex
 * method can stall on a ridge, and the restart's fresh simplex gets it moving again.
 */
export interface Minimum {
  point: number[];
  value: number;
  /** Whether the simplex met the tolerances (rather than the evaluation budget running out). */
  converged: boolean;
  evaluations: number;
}

export interface NelderMeadOptions {
  /** Initial step along each axis. Default 0.5. */
  step?: number;
  /** Stop when the simplex's values differ by less than this times (1 + |best value|). Default 1e-10. */
  valueTolerance?: number;
  /** …and its points by less than this along every axis (on log-parameters: relative 0.001 %). Default 1e-5. */
  pointTolerance?: number;
  /** Evaluation budget across restarts. Default 20,000. */
  maxEvaluations?: number;
}

export function minimize(f: (point: number[]) => number, start: number[], options: NelderMeadOptions = {}): Minimum {
  const { step = 0.5, valueTolerance = 1e-10, pointTolerance = 1e-5, maxEvaluations = 20_000 } = options;
  let evaluations = 0;
  // A point where f is not a number counts as infinitely bad, so the simplex moves away from it.
  const value = (point: number[]): number => {
    evaluations++;
    const v = f(point);
    return Number.isNaN(v) ? Infinity : v;
  };
  let best = { point: start.slice(), value: value(start) };
  let converged = false;
  for (let restart = 0; restart < 20 && evaluations < maxEvaluations; restart++) {
    const run = simplexRun(value, best.point, best.value, step, valueTolerance, pointTolerance, () => evaluations < maxEvaluations);
    const improved = best.value - run.value;
    if (run.value <= best.value) best = run;
    converged = run.converged;
    if (run.converged && !(improved > valueTolerance * (1 + Math.abs(best.value)))) break;
  }
  return { point: best.point, value: best.value, converged: converged && Number.isFinite(best.value), evaluations };
}

function simplexRun(
  value: (point: number[]) => number,
  start: number[],
  startValue: number,
  step: number,
  valueTolerance: number,
  pointTolerance: number,
  withinBudget: () => boolean,
): { point: number[]; value: number; converged: boolean } {
  const n = start.length;
  const points: number[][] = [start.slice()];
  const values: number[] = [startValue];
  for (let i = 0; i < n; i++) {
    const point = start.slice();
    point[i] += step;
    points.push(point);
    values.push(value(point));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  while (withinBudget()) {
    order.sort((i, j) => values[i] - values[j]);
    const bestIndex = order[0];
    const worstIndex = order[n];
    const secondWorst = values[order[n - 1]];
    if (isSmall(points, values, bestIndex, valueTolerance, pointTolerance)) {
      return { point: points[bestIndex], value: values[bestIndex], converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (const i of order.slice(0, n)) for (let d = 0; d < n; d++) centroid[d] += points[i][d] / n;
    const along = (t: number) => centroid.map((c, d) => c + t * (points[worstIndex][d] - c));
    const reflected = along(-1);
    const reflectedValue = value(reflected);
    if (reflectedValue < values[bestIndex]) {
      const expanded = along(-2);
      const expandedValue = value(expanded);
      const [point, v] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
      points[worstIndex] = point;
      values[worstIndex] = v;
    } else if (reflectedValue < secondWorst) {
      points[worstIndex] = reflected;
      values[worstIndex] = reflectedValue;
    } else {
      const outside = reflectedValue < values[worstIndex];
      const contracted = along(outside ? -0.5 : 0.5);
      const contractedValue = value(contracted);
      if (contractedValue < (outside ? reflectedValue : values[worstIndex])) {
        points[worstIndex] = contracted;
        values[worstIndex] = contractedValue;
      } else {
        for (const i of order.slice(1)) {
          points[i] = points[i].map((x, d) => points[bestIndex][d] + 0.5 * (x - points[bestIndex][d]));
          values[i] = value(points[i]);
        }
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { point: points[bestIndex], value: values[bestIndex], converged: false };
}

function isSmall(points: number[][], values: number[], bestIndex: number, valueTolerance: number, pointTolerance: number): boolean {
  const bestPoint = points[bestIndex];
  for (let i = 0; i < points.length; i++) {
    if (!(Math.abs(values[i] - values[bestIndex]) <= valueTolerance * (1 + Math.abs(values[bestIndex])))) return false;
    for (let d = 0; d < bestPoint.length; d++) if (Math.abs(points[i][d] - bestPoint[d]) > pointTolerance) return false;
  }
  return true;
}
