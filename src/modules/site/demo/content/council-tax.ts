import type { DemoPage } from './types.ts';

const TAX = '/council-tax';
const PAYING = '/council-tax/paying';
const SUPPORT = '/council-tax/discounts-and-support';

export const COUNCIL_TAX_PAGES: DemoPage[] = [
  {
    type: 'start',
    path: '/pay-your-council-tax',
    title: 'Pay your council tax',
    summary: 'Pay your council tax online by debit or credit card.',
    topics: [PAYING, TAX],
    body: `You can pay your council tax online with a debit or credit card. There is no charge.

You can pay a missed instalment, pay the rest of the year in one go, or pay a reminder.

The quickest way to pay every month is by Direct Debit. See [other ways to pay](/ways-to-pay-council-tax).`,
    beforeYouStart: `You will need your 9-digit council tax account number. It starts with 6 and is at the top of your bill.

> This is a demonstration site. The payment page does not take real payments.`,
    startUrl: 'https://payments.demo.lastmile.test/council-tax',
  },
  {
    type: 'guide',
    path: '/ways-to-pay-council-tax',
    title: 'Ways to pay council tax',
    summary: 'Pay by Direct Debit, online, by phone, by bank transfer or at a Post Office.',
    topics: [PAYING],
    sections: [
      {
        title: 'Direct Debit',
        slug: 'direct-debit',
        body: `Direct Debit is the easiest way to pay. We take each instalment on the date you choose: the 1st, 15th or 28th of the month.

To set one up, call 0161 496 0120. You will need your bank account number and sort code.

You can ask to spread your payments over 12 months instead of 10.`,
      },
      {
        title: 'Online or by phone',
        slug: 'online-or-by-phone',
        body: `[Pay online](/pay-your-council-tax) with a debit or credit card, at any time.

You can also pay by card on our automated phone line, 0161 496 0121, at any time.`,
      },
      {
        title: 'Bank transfer',
        slug: 'bank-transfer',
        body: `Pay into our account:

- account name: Stockport Council (demo)
- sort code: 00-00-00
- account number: 00000000

Use your council tax account number as the reference, or we will not know the payment is yours.`,
      },
      {
        title: 'At a Post Office or shop',
        slug: 'post-office',
        body: 'You can pay in cash at any Post Office or at shops with a PayPoint sign. Take your bill with you: the barcode on it tells them your account.',
      },
    ],
  },
  {
    type: 'guide',
    path: '/if-you-cannot-pay-council-tax',
    title: 'If you cannot pay your council tax',
    summary: 'What to do if you are behind with your council tax, and what happens if you do not pay.',
    topics: [PAYING, SUPPORT],
    sections: [
      {
        title: 'Get help early',
        slug: 'get-help-early',
        body: `Contact us as soon as you know you will have trouble paying. The sooner you do, the more we can help.

We may be able to:

- spread your payments over more months
- lower your payments for a short time
- check if you can get [Council Tax Support](/council-tax-support) or a [discount](/council-tax-discounts)

Call 0161 496 0120 or email counciltax@demo.lastmile.test.

> Free, independent advice on debt is available from StepChange and Citizens Advice.`,
      },
      {
        title: 'If you miss a payment',
        slug: 'missed-payments',
        body: `We will send you a reminder. If you pay within 7 days, you can carry on paying in instalments.

If you do not pay, you lose the right to pay in instalments and must pay the rest of the year in one go.

> Warning: If you still do not pay, we can take you to the magistrates' court. This adds costs to what you owe, and we can take the money from your wages or benefits.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/council-tax-bands',
    title: 'Council tax bands and charges',
    summary: 'Find out how bands work, what each band pays in 2026 to 2027, and how to challenge your band.',
    topics: [TAX],
    sections: [
      {
        title: 'How bands work',
        slug: 'how-bands-work',
        body: `Every home in England is in one of 8 council tax bands, from A to H. The band depends on what the home would have sold for on 1 April 1991.

The Valuation Office Agency (VOA) decides your band, not the council. Your band is shown on your bill.`,
      },
      {
        title: 'Charges for 2026 to 2027',
        slug: 'charges',
        body: `What each band pays for a year, including the charges for the police and fire services:

- Band A: £1,614.62
- Band B: £1,883.72
- Band C: £2,152.83
- Band D: £2,421.93
- Band E: £2,960.14
- Band F: £3,498.34
- Band G: £4,036.55
- Band H: £4,843.86

These are demonstration figures.

+++ Where your money goes
About 6 of every 10 pounds pays for social care for adults and children. The rest pays for bins, roads, libraries, parks and other services, and for the police and fire services.
+++`,
      },
      {
        title: 'Challenge your band',
        slug: 'challenge-your-band',
        body: `If you think your home is in the wrong band, you can ask the VOA to check it. You must keep paying your council tax while they look at it.

If your band goes down, we will pay back what you paid too much, back to the date the band changed.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/council-tax-discounts',
    title: 'Council tax discounts and exemptions',
    summary: 'Pay less council tax if you live alone, are a student, are disabled or your home is empty.',
    topics: [SUPPORT],
    sections: [
      {
        title: 'If you live alone',
        slug: 'single-person-discount',
        body: `If you are the only adult (aged 18 or over) living in your home, you get 25% off your bill.

Tell us if another adult moves in. We check discounts every year.`,
      },
      {
        title: 'People who are not counted',
        slug: 'people-not-counted',
        body: `Some adults are not counted when we work out how many people live in a home. They include:

- full-time students
- people with a severe mental impairment
- carers who live with the person they care for
- 18-year-olds who still get Child Benefit

If everyone in a home is not counted, you may not have to pay at all.`,
      },
      {
        title: 'Disabled people',
        slug: 'disabled-band-reduction',
        body: 'If your home has been adapted for a disabled person, for example with an extra bathroom or room for a wheelchair, your bill may be worked out as if your home were one band lower.',
      },
      {
        title: 'Empty homes',
        slug: 'empty-homes',
        body: `You pay full council tax on an empty home.

> Warning: If a home has been empty and unfurnished for a year or more, you pay double. After 5 years you pay 3 times the normal charge.`,
      },
      {
        title: 'How to apply',
        slug: 'how-to-apply',
        body: 'Call 0161 496 0120 or email counciltax@demo.lastmile.test. Tell us your council tax account number and which discount you want to apply for.',
      },
    ],
  },
  {
    type: 'guide',
    path: '/council-tax-support',
    title: 'Council Tax Support',
    summary: 'Help with paying council tax if you are on a low income or get benefits.',
    topics: [SUPPORT],
    sections: [
      {
        title: 'Council Tax Support',
        slug: 'overview',
        body: `Council Tax Support lowers your bill if you are on a low income. You can get it whether you rent or own your home, and whether you work or not.

## Who can get it

You may get it if you:

- live in the borough and pay council tax
- have savings of less than £16,000, unless you get Pension Credit

How much you get depends on your income, your savings and who lives with you. People of working age pay at least 15% of their bill.

## How to apply

If you get Universal Credit, apply as soon as you make your claim: we cannot backdate Council Tax Support by more than a month.

Call 0161 496 0120 to apply. We will need proof of your income and savings.`,
      },
    ],
  },
  {
    type: 'contact',
    path: '/contact-council-tax',
    title: 'Contact council tax',
    summary: 'Phone or email the council tax team about your bill, payments or discounts.',
    topics: [TAX],
    body: `Contact us about your council tax bill, paying, discounts and Council Tax Support.

Have your council tax account number ready. It is at the top of your bill.`,
    phone: '0161 496 0120',
    email: 'counciltax@demo.lastmile.test',
    address: 'Council Tax, Stockport Council, Town Hall, Edward Street, Stockport SK1 3XE',
    openingHours: 'Monday to Friday, 9am to 5pm (4:30pm on Friday)',
  },
];
