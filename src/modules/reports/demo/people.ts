import type { SeededRandom } from '../../../platform/geo/prng.ts';

const FIRST = ['Amelia', 'Oliver', 'Priya', 'Mohammed', 'Grace', 'Jack', 'Sophie', 'Harry', 'Aisha', 'Thomas', 'Chloe', 'Daniel', 'Ewa', 'James', 'Fatima', 'Liam', 'Megan', 'Ryan', 'Zara', 'Connor'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Patel', 'Wilson', 'Evans', 'Khan', 'Walker', 'Wright', 'Hughes', 'Kowalski', 'Green', 'Hall', 'Wood', 'Ahmed', 'Clarke', 'Murphy', 'Lewis', 'Roberts'];

export interface DemoReporter {
  name: string;
  email: string | null;
  phone: string | null;
  showName: boolean;
}

/** Made-up residents with addresses at example.com and numbers from Ofcom's drama range, so nothing real is ever contacted. */
export function demoReporter(random: SeededRandom, n: number): DemoReporter {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const phone = random.chance(0.3) ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : null;
  return {
    name: `${first} ${last}`,
    email: random.chance(0.9) || !phone ? `${first}.${last}.${n}@example.com`.toLowerCase() : null,
    phone,
    showName: random.chance(0.2),
  };
}

const DESCRIPTIONS: Record<string, Record<string, string[]>> = {
  streetlight: {
    light_out: ['The light has been out for a few nights.', 'Streetlight not working, the path is very dark.', 'Light outside my house has stopped working.'],
    on_in_daytime: ['This light is on all day.', 'The lamp stays on during the day.'],
    flickering: ['The light keeps flickering on and off.', 'Flickers all night and goes off after midnight.'],
    damaged: ['The column has been hit by a car and is leaning.', 'The door at the bottom of the column is open and wires are showing.'],
  },
  blocked_drain: {
    blocked: ['Drain is blocked with leaves and the road floods when it rains.', 'Water is not draining away, big puddle across the road.', 'Gully full of silt.'],
    smell: ['Bad smell coming from the drain.', 'The drain smells of sewage in warm weather.'],
    cover_missing: ['The grate is missing from the drain.', 'Drain cover is broken and sticking up.'],
  },
  pothole: {
    small: ['Small pothole starting to form.', 'Pothole near the kerb.'],
    medium: ['Pothole in the middle of the lane, cars are swerving round it.', 'Pothole getting bigger every week.'],
    large: ['Very large pothole, a car has damaged its tyre.', 'Huge pothole across the lane, dangerous for cyclists.'],
  },
};

export function demoDescription(random: SeededRandom, categoryCode: string, answer: unknown): string {
  const options = DESCRIPTIONS[categoryCode]?.[String(answer)] ?? ['Please have a look at this.'];
  return random.pick(options);
}
