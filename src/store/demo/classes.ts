// How many classes the demo school has and how big they are. A Japanese junior high keeps
// classes near 30-35 students (the legal cap is 35-40), so a bigger school gets more classes
// per grade rather than bigger ones: 360 students -> 3 grades x 4 classes; 5000 -> 3 x 56.

export interface DemoClass {
  id: string;
  grade: number;
  /** 1-based position within the grade: class 2-3 has number 3. */
  number: number;
  size: number;
}

export const TARGET_CLASS_SIZE = 30;

export function planClasses(students: number): DemoClass[] {
  const grades = Math.min(3, students);
  const perGrade = Math.max(1, Math.round(students / grades / TARGET_CLASS_SIZE));
  const classes: DemoClass[] = [];
  for (let g = 1; g <= grades; g++) {
    const gradeSize = Math.floor(students / grades) + (g <= students % grades ? 1 : 0);
    for (let c = 1; c <= perGrade; c++) {
      const size = Math.floor(gradeSize / perGrade) + (c <= gradeSize % perGrade ? 1 : 0);
      classes.push({ id: `${g}-${c}`, grade: g, number: c, size });
    }
  }
  return classes.filter((c) => c.size > 0);
}

/**
 * The class of the default demo teacher: 2-1 as in the sample export (the second year is where
 * non-attendance climbs, DOMAIN.md), or the first class when the school is too small to have one.
 */
export function defaultClassOf(classes: readonly DemoClass[]): DemoClass {
  const first = classes[0];
  if (!first) throw new Error('a school needs at least one class');
  return classes.find((c) => c.id === '2-1') ?? first;
}
