// Benchmark of @antoan/core at the national scale: `pnpm --filter @antoan/core bench`.
// Generates (deterministically) 3,321 communes, 100,000 villages and 20,000 agencies, enterprises and schools,
// evaluates them bottom-up with evaluateArea, and grades 100,000 sheets. Prints ms and units/s (median of runs
// after a warm-up). Targets: each under 1 s on one core.
import {
  evaluateArea,
  gradeSheet,
  KDC_SHEET_TEMPLATE,
  RECOGNITION_RESULTS,
  passingAnswers,
  TT124_2021,
  type CriterionAnswer,
  type GradingInput,
  type IncidentRecord,
  type ManagingLevel,
  type UnitEvaluationInput,
  type UnitType,
} from '../src/index.js';

const COMMUNES = 3_321;
const VILLAGES = 100_000;
const OTHERS = 20_000;
const SHEETS = 100_000;
const RUNS = 5;
const YEAR = 2024;

// mulberry32: a small deterministic PRNG
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20220210);
const chance = (p: number) => random() < p;
function pick<T>(xs: readonly T[]): T {
  const value = xs.at(Math.floor(random() * xs.length));
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}
const DATES = [
  '2023-10-31',
  '2023-11-01',
  '2023-11-16',
  '2024-03-10',
  '2024-10-31',
  '2024-11-01',
  '2024-11-15',
  '2024-11-16',
];

function villageAnswers(): Record<string, CriterionAnswer> {
  const households = 50 + Math.floor(random() * 400);
  return {
    'KDC-1': {
      checks: { resolution: true, plan: true, registration: !chance(0.01) },
      numerator: chance(0.03) ? households - 1 : households,
      denominator: households,
    },
    'KDC-2': { checks: { 'carried-out': !chance(0.01) } },
    'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': !chance(0.01) } },
    'KDC-5': chance(0.01)
      ? {}
      : { rating: chance(0.01) ? 'khong-hoan-thanh' : 'hoan-thanh', checks: { 'no-discipline': true } },
  };
}

function incidents(code: string, p: number): IncidentRecord[] {
  if (!chance(p)) return [];
  return [
    { criterionCode: code, item: pick(['a', 'c', 'e', 'g']), occurredOn: pick(DATES), description: 'Vụ việc mô phỏng' },
  ];
}

function generate(): UnitEvaluationInput[] {
  const inputs: UnitEvaluationInput[] = [];
  let id = 1;
  for (let c = 1; c <= COMMUNES; c++) {
    inputs.push({
      unit: { id: id++, type: 'XA', areaId: c, managingLevel: 'district' },
      year: YEAR,
      registered: true,
      answers: { 'XA-1': { checks: { resolution: true, plan: true, registration: true, model: !chance(0.02) } } },
      incidents: incidents('XA-3', 0.03),
    });
  }
  for (let v = 0; v < VILLAGES; v++) {
    const crimes = Math.floor(random() * 4);
    inputs.push({
      unit: { id: id++, type: 'KDC', areaId: 1 + (v % COMMUNES), managingLevel: 'commune' },
      year: YEAR,
      registered: !chance(0.005),
      answers: villageAnswers(),
      incidents: incidents('KDC-3', 0.01),
      counts: {
        current: { crimes, socialEvils: Math.floor(random() * 2) },
        previous: { crimes: crimes + (chance(0.98) ? 0 : -1), socialEvils: 1 },
      },
    });
  }
  const types: UnitType[] = ['CQ', 'DN', 'CSGD'];
  const levels: ManagingLevel[] = ['commune', 'commune', 'district', 'province'];
  for (let o = 0; o < OTHERS; o++) {
    const type = pick(types);
    const base = { id: id++, type, areaId: 1 + Math.floor(random() * COMMUNES), managingLevel: pick(levels) };
    const unit =
      type === 'CQ'
        ? { ...base, isArmedForces: chance(0.05) }
        : type === 'DN'
          ? { ...base, enterpriseSize: pick(['micro', 'small', 'medium', 'large'] as const) }
          : { ...base, schoolLevel: pick(['primary', 'lower_secondary', 'upper_secondary', 'kindergarten'] as const) };
    const answers: Record<string, CriterionAnswer> =
      type === 'CSGD'
        ? passingAnswers(TT124_2021, 'CSGD', (c) => (c.minimum < 1 ? 10 : 600))
        : {
            ...passingAnswers(TT124_2021, type, (c) => (c.minimum < 1 ? 10 : 80)),
            'CQDN-2': { checks: { policy: true, coordination: !chance(0.02) } },
          };
    inputs.push({
      unit,
      year: YEAR,
      registered: !chance(0.01),
      answers,
      incidents: incidents(type === 'CSGD' ? 'CSGD-4' : 'CQDN-3', 0.02),
    });
  }
  // interleave so that communes are not all first: the engine must not depend on order
  for (let i = inputs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = inputs[i];
    const b = inputs[j];
    if (a && b) {
      inputs[i] = b;
      inputs[j] = a;
    }
  }
  return inputs;
}

function sheets(): GradingInput[] {
  const items = KDC_SHEET_TEMPLATE.groups.flatMap((g) => g.items);
  const out: GradingInput[] = [];
  for (let s = 0; s < SHEETS; s++) {
    const scores: GradingInput['scores'] = {};
    for (const item of items) {
      const self = Math.round(random() * item.maxPoints * 2) / 2;
      scores[item.code] = chance(0.5) ? { self, verified: Math.max(0, self - 0.5) } : { self };
    }
    out.push({
      scores,
      standardMet: chance(0.9),
      incidents: chance(0.05) ? [{ criterionCode: 'KDC-3', item: 'e' }] : [],
    });
  }
  return out;
}

/**
 * Runs `run` once to warm up, then RUNS times; reports the median wall time and the median CPU time of the
 * process (user + system, all threads: the main thread and V8's GC helpers). CPU time is what the work
 * costs on one core, whatever else the machine is doing; wall time is what a user would wait on an idle
 * machine. The verdict uses wall time when the machine is idle enough (CPU ≈ wall), else CPU time.
 */
function measure<T>(label: string, units: number, run: () => T): T {
  // the holder lets the previous run's output be collected before the next run: each run is timed on its own work
  const holder: { result?: T } = { result: run() }; // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    delete holder.result;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    holder.result = run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b).at(Math.floor(xs.length / 2)) ?? Number.NaN;
  const w = median(wall);
  const c = median(cpu);
  const best = Math.min(...wall);
  console.log(
    `${label.padEnd(40)} ${units.toLocaleString('en').padStart(7)} units  wall median ${w.toFixed(0).padStart(5)} ms (best ${best.toFixed(0).padStart(4)})  CPU median ${c.toFixed(0).padStart(5)} ms  ${Math.round(
      units / (Math.min(w, c) / 1000),
    )
      .toLocaleString('en')
      .padStart(9)} units/s  ${Math.min(w, c) < 1000 ? 'OK (< 1 s)' : 'SLOW (≥ 1 s)'}`,
  );
  if (holder.result === undefined) throw new Error('no result');
  return holder.result;
}

function recognition(): string[] {
  const t0 = performance.now();
  const inputs = generate();
  const counts = { XA: 0, KDC: 0, CQ: 0, DN: 0, CSGD: 0 };
  for (const i of inputs) counts[i.unit.type]++;
  console.log(
    `generated ${inputs.length.toLocaleString('en')} units (${Object.entries(counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}) in ${(performance.now() - t0).toFixed(0)} ms (not timed)`,
  );
  const results = measure('evaluateArea (bottom-up, one pass)', inputs.length, () =>
    evaluateArea(inputs, { catalogue: TT124_2021 }),
  );
  const tally = new Map<string, number>();
  for (const r of results) tally.set(`${r.unitType} ${r.result}`, (tally.get(`${r.unitType} ${r.result}`) ?? 0) + 1);
  return ['XA', 'KDC', 'CQ', 'DN', 'CSGD'].map(
    (type) =>
      `  ${type.padEnd(5)} ${RECOGNITION_RESULTS.map((res) => `${res} ${tally.get(`${type} ${res}`) ?? 0}`).join('  ')}`,
  );
}

function grading(): string {
  const t0 = performance.now();
  const input = sheets();
  console.log(
    `\ngenerated ${input.length.toLocaleString('en')} KDC sheets in ${(performance.now() - t0).toFixed(0)} ms (not timed)`,
  );
  measure('gradeSheet ×100,000 (with item detail)', input.length, () =>
    input.map((g) => gradeSheet(KDC_SHEET_TEMPLATE, g)),
  );
  const graded = measure('gradeSheet ×100,000 ({ detail: false })', input.length, () =>
    input.map((g) => gradeSheet(KDC_SHEET_TEMPLATE, g, { detail: false })),
  );
  const grades = new Map<string, number>();
  for (const g of graded) grades.set(g.grade, (grades.get(g.grade) ?? 0) + 1);
  return `  grades ${[...grades].map(([g, n]) => `${g} ${n}`).join('  ')}`;
}

console.log(
  `@antoan/core benchmark — Node ${process.version}; median of ${RUNS} runs after a warm-up, one JS thread\n`,
);
const resultLines = recognition(); // its inputs and results are released before grading starts
const gradeLine = grading();
console.log('\nresults (sanity check):');
for (const line of resultLines) console.log(line);
console.log(gradeLine);
