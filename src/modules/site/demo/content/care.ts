import type { DemoPage } from './types.ts';

const ADULTS = '/adult-social-care';

export const ADULT_CARE_PAGES: DemoPage[] = [
  {
    type: 'guide',
    path: '/care-and-support-at-home',
    title: 'Care and support at home',
    summary: 'Help to stay independent at home: a needs assessment, home care, equipment and adaptations.',
    topics: [ADULTS],
    sections: [
      {
        title: 'Getting help',
        slug: 'getting-help',
        body: `If you find it hard to look after yourself at home, we can help. This might be because of your age, a disability, an illness or your mental health.

The first step is a needs assessment. It is free, whatever your income.

[Contact adult social care](/contact-adult-social-care) to ask for an assessment, for yourself or someone else.`,
      },
      {
        title: 'Needs assessment',
        slug: 'needs-assessment',
        body: `A social care worker will talk with you about:

- what you can do for yourself, and what you find hard
- what matters most to you
- help you already get from family, friends or neighbours

You can have someone with you, such as a family member or a friend.

If you have eligible needs, we will agree a support plan with you.`,
      },
      {
        title: 'Kinds of support',
        slug: 'kinds-of-support',
        body: `Support might include:

- a care worker visiting to help you wash, dress or get meals
- equipment such as grab rails, a shower seat or a raised toilet seat
- a personal alarm that calls for help if you fall
- adaptations, such as a stair lift or a level-access shower
- a short stay in a care home, to give your carer a break

+++ Equipment you can buy yourself
Many small pieces of equipment cost less than £30. You do not need an assessment to buy them, and our occupational therapists can advise you what might help.
+++`,
      },
      {
        title: 'Direct payments',
        slug: 'direct-payments',
        body: `Instead of us arranging your care, you can have a direct payment and arrange it yourself. You might employ a personal assistant or pay an agency you choose.

We will check how you spend the money. You can get help to manage a direct payment.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/paying-for-care',
    title: 'Paying for care',
    summary: 'How much you might pay towards your care, and how we work it out.',
    topics: [ADULTS],
    sections: [
      {
        title: 'Paying for care',
        slug: 'overview',
        body: `Most people pay something towards their care. How much you pay depends on your income and savings. We call this a financial assessment.

## Care at home

If you have savings of more than £23,250, you pay the full cost of your care at home. If you have less, we work out what you can afford, and you always keep a set amount to live on.

The value of your home is not counted for care at home.

## Care in a care home

If you move into a care home, the value of your home may be counted, unless your partner or a relative aged over 60 still lives there.

> You can ask us for a deferred payment agreement. This means you do not have to sell your home during your lifetime to pay for your care.

## Get independent advice

It is a good idea to get independent financial advice before you decide how to pay for care.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/support-for-carers',
    title: 'Support for carers',
    summary: 'Help if you look after a family member, partner or friend.',
    topics: [ADULTS],
    sections: [
      {
        title: 'Support for carers',
        slug: 'overview',
        body: `A carer is anyone who looks after a family member, partner or friend who could not manage without them. You do not need to live with them, and you may not think of yourself as a carer.

## Carer's assessment

You can have a carer's assessment, even if the person you look after does not get help from us. It looks at how caring affects your life and what would help, such as:

- a break from caring
- help with housework or gardening
- training, for example in moving someone safely
- someone to talk to

[Contact adult social care](/contact-adult-social-care) to ask for one.

## Money

You may be able to get Carer's Allowance, and a [council tax discount](/council-tax-discounts).`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/worried-about-an-adult',
    title: 'Report concerns about an adult',
    summary: 'What to do if you think an adult is being abused or neglected.',
    topics: [ADULTS],
    sections: [
      {
        title: 'Report concerns about an adult',
        slug: 'overview',
        body: `> Warning: If someone is in immediate danger, call 999.

Abuse can be physical, sexual, emotional or financial. It can also be neglect, when someone does not get the care they need.

If you are worried that an adult is being abused or neglected, call us on 0161 496 0300. Out of hours, call 0161 496 0999.

You do not need proof. Tell us what you have seen or heard and we will decide what to do. You can stay anonymous if you want to.`,
      },
    ],
  },
  {
    type: 'contact',
    path: '/contact-adult-social-care',
    title: 'Contact adult social care',
    summary: 'Ask for a needs assessment or a carer’s assessment, or tell us you are worried about an adult.',
    topics: [ADULTS],
    body: `Contact us to ask for help for yourself or someone else, or to tell us you are worried about an adult.

Out of hours, for emergencies only, call 0161 496 0999.`,
    phone: '0161 496 0300',
    email: 'adultsocialcare@demo.lastmile.test',
    openingHours: 'Monday to Friday, 8:30am to 5pm',
  },
];
