import type { SeededRandom } from '../../../platform/geo/prng.ts';

/** Picks one value by weight. */
function weighted<T>(random: SeededRandom, choices: [T, number][]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error('No choices');
  return last[0];
}

/** Answers in the mix residents give: most lights are simply out; most potholes are on the road. */
export function demoAnswers(random: SeededRandom, categoryCode: string): Record<string, unknown> {
  switch (categoryCode) {
    case 'streetlight':
      return { fault: weighted(random, [['light_out', 60], ['flickering', 23], ['on_in_daytime', 12], ['damaged', 5]]) };
    case 'blocked_drain': {
      const problem = weighted(random, [['blocked', 75], ['smell', 15], ['cover_missing', 10]]);
      return { problem, flooding: problem === 'blocked' && random.chance(0.3) };
    }
    case 'pothole':
      return {
        size: weighted(random, [['small', 40], ['medium', 45], ['large', 15]]),
        depth: weighted(random, [['shallow', 45], ['deep', 55]]),
        where: weighted(random, [['road', 75], ['pavement', 18], ['cycle_lane', 7]]),
      };
    default:
      return {};
  }
}
