import type { DemoPage } from './types.ts';

const FAMILIES = '/children-and-families';
const SCHOOLS = '/children-and-families/schools';

export const CHILDREN_PAGES: DemoPage[] = [
  {
    type: 'guide',
    path: '/applying-for-a-school-place',
    title: 'Apply for a school place',
    summary: 'Apply for a place at primary or secondary school, or to change school.',
    topics: [SCHOOLS],
    sections: [
      {
        title: 'When to apply',
        slug: 'when-to-apply',
        body: `Apply for a school place for September 2027:

- secondary school: by 31 October 2026
- primary school (reception): by 15 January 2027

We will tell you which school your child has a place at on 1 March 2027 for secondary and 16 April 2027 for primary.

> If you apply late, your child is less likely to get a place at a school you want.`,
      },
      {
        title: 'Choosing schools',
        slug: 'choosing-schools',
        body: `You can name up to 3 schools, in order of preference. Visit the schools if you can, and read their admission rules.

Naming only one school does not make it more likely that your child will get a place there.`,
      },
      {
        title: 'How places are given',
        slug: 'how-places-are-given',
        body: `If a school has more applications than places, it gives places in this order:

1. children in care or who were in care
2. children with a medical or social need for that school
3. children with a brother or sister at the school
4. children who live closest to the school

Faith schools and academies may have different rules.`,
      },
      {
        title: 'Changing school during the year',
        slug: 'in-year',
        body: 'If you move into the borough or want your child to change school, email admissions@demo.lastmile.test. We will reply within 15 school days.',
      },
    ],
  },
  {
    type: 'step_by_step',
    path: '/getting-a-school-place',
    title: 'Getting a school place: step by step',
    summary: 'How to get a primary or secondary school place in Stockport, from choosing schools to your child’s first day.',
    topics: [SCHOOLS],
    intro: 'Follow these steps to apply for a place at a primary or secondary school.',
    steps: [
      {
        title: 'Find out about schools near you',
        body: 'Look at schools’ websites, read their inspection reports and go to their open days in the autumn.',
        links: [{ text: 'Choosing schools', href: '/applying-for-a-school-place/choosing-schools' }],
      },
      {
        title: 'Check the deadline',
        body: 'The deadline for secondary school is 31 October and for primary school it is 15 January.',
        links: [{ text: 'When to apply', href: '/applying-for-a-school-place/when-to-apply' }],
      },
      {
        title: 'Apply online',
        body: 'Name up to 3 schools, in order of preference. You can change your preferences until the deadline.',
        links: [{ text: 'Apply for a school place', href: '/applying-for-a-school-place' }],
      },
      {
        title: 'Get your offer',
        body: 'We email you on offer day to tell you which school has a place for your child. Accept the place within 2 weeks.',
      },
      {
        title: 'Appeal, or join a waiting list',
        logic: 'or',
        body: 'If your child did not get a place at a school you wanted, you can appeal to an independent panel, or ask to stay on the waiting list. You can do both.',
      },
      {
        title: 'Get ready to start',
        body: 'Find out if your child can get free school meals and help with travel to school.',
        links: [{ text: 'Free school meals', href: '/free-school-meals' }],
      },
    ],
  },
  {
    type: 'guide',
    path: '/free-school-meals',
    title: 'Free school meals',
    summary: 'Who can get free school meals and how to apply.',
    topics: [SCHOOLS, FAMILIES],
    sections: [
      {
        title: 'Free school meals',
        slug: 'overview',
        body: `All children in reception, year 1 and year 2 at state schools get free school meals.

Older children can get them if you get certain benefits, such as:

- Universal Credit, with household earnings under £7,400 a year after tax
- Income Support or income-based Jobseeker's Allowance
- the guarantee part of Pension Credit

## How to apply

Email freeschoolmeals@demo.lastmile.test with your name, your National Insurance number, and your child's name, date of birth and school.

> Even if your child already gets a free meal because they are in reception to year 2, please apply. It gives their school extra money, called the pupil premium.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/free-childcare',
    title: 'Free childcare',
    summary: 'Free early education and childcare for children aged 9 months to 4 years.',
    topics: [FAMILIES],
    sections: [
      {
        title: 'Free childcare',
        slug: 'overview',
        body: `All 3 and 4-year-olds can get 15 hours of free childcare a week, for 38 weeks of the year.

If you work, you may be able to get up to 30 hours a week for children from 9 months old.

Some 2-year-olds can get 15 hours a week if you get certain benefits or your child has extra needs.

## How to apply

For working parents' hours, apply through the government's Childcare Choices service, then give your code to your nursery or childminder.

For 2-year-olds, email earlyyears@demo.lastmile.test.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/worried-about-a-child',
    title: 'Report concerns about a child',
    summary: 'What to do if you are worried a child is being harmed or neglected.',
    topics: [FAMILIES],
    sections: [
      {
        title: 'Report concerns about a child',
        slug: 'overview',
        body: `> Warning: If a child is in immediate danger, call 999.

If you are worried that a child is being harmed or neglected, [contact the children's front door](/contact-childrens-front-door).

You do not have to be sure. Tell us what worries you, and we will decide what to do. You can stay anonymous.

Children and young people can also call Childline on 0800 1111 for free.`,
      },
    ],
  },
  {
    type: 'contact',
    path: '/contact-childrens-front-door',
    title: 'Contact the children’s front door',
    summary: 'Tell us if you are worried about a child, or ask for early help for your family.',
    topics: [FAMILIES],
    body: `The children's front door is where you can tell us you are worried about a child, or ask for help for your family.

Out of hours, for emergencies only, call 0161 496 0999.`,
    phone: '0161 496 0500',
    email: 'childrensfrontdoor@demo.lastmile.test',
    openingHours: 'Monday to Thursday, 8:30am to 5pm; Friday, 8:30am to 4:30pm',
  },
];
