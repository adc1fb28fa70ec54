/**
 * The questions each category asks, as the core needs them: to check answers from every channel,
 * to set the priority, and for Open311 service definitions (attributes). The forms in forms/*.json
 * ask the same questions of residents; a test keeps the two in step.
 */
export interface CategoryQuestion {
  /** The answer's key: the field's name in the form, and the Open311 attribute code. */
  code: string;
  label: string;
  required: boolean;
  kind: 'choice' | 'yes-no';
  options: { value: string; text: string }[];
}

const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

export const CATEGORY_QUESTIONS: Record<string, CategoryQuestion[]> = {
  streetlight: [
    {
      code: 'fault',
      label: 'What is wrong with the light?',
      required: true,
      kind: 'choice',
      options: [
        { value: 'light_out', text: 'It is not working' },
        { value: 'on_in_daytime', text: 'It is on during the day' },
        { value: 'flickering', text: 'It flickers or keeps going off' },
        { value: 'damaged', text: 'It is damaged, leaning, or has wires showing' },
      ],
    },
  ],
  blocked_drain: [
    {
      code: 'problem',
      label: 'What is wrong with the drain?',
      required: true,
      kind: 'choice',
      options: [
        { value: 'blocked', text: 'It is blocked and water is not draining away' },
        { value: 'smell', text: 'It smells' },
        { value: 'cover_missing', text: 'The cover or grate is broken or missing' },
      ],
    },
    { code: 'flooding', label: 'Is water flooding the road, the pavement or a property?', required: true, kind: 'yes-no', options: yesNo },
  ],
  pothole: [
    {
      code: 'size',
      label: 'How big is the pothole?',
      required: true,
      kind: 'choice',
      options: [
        { value: 'small', text: 'Smaller than a dinner plate' },
        { value: 'medium', text: 'Between a dinner plate and a dustbin lid' },
        { value: 'large', text: 'Bigger than a dustbin lid' },
      ],
    },
    {
      code: 'depth',
      label: 'How deep is it?',
      required: true,
      kind: 'choice',
      options: [
        { value: 'shallow', text: 'Less than 4cm (about the height of a matchbox)' },
        { value: 'deep', text: '4cm or more' },
      ],
    },
    {
      code: 'where',
      label: 'Where is the pothole?',
      required: true,
      kind: 'choice',
      options: [
        { value: 'road', text: 'On the road' },
        { value: 'pavement', text: 'On the pavement' },
        { value: 'cycle_lane', text: 'In a cycle lane' },
      ],
    },
  ],
};

export function questionsFor(categoryCode: string): CategoryQuestion[] {
  return CATEGORY_QUESTIONS[categoryCode] ?? [];
}
