import type { DemoPage } from './types.ts';

export const MOVING_PAGES: DemoPage[] = [
  {
    type: 'start',
    path: '/tell-us-you-have-moved',
    title: 'Tell us you have moved',
    summary: 'Tell us when you move home in the borough, or move into it, to update your council tax, voter registration and bins.',
    topics: ['/council-tax', '/bins-and-recycling'],
    body: `Tell us when you move to a new home in the borough, or move here from somewhere else.

We will use what you tell us to update:

- your council tax account, and send you a final bill for your old home
- the electoral register
- your bin collections

It takes about 5 minutes.`,
    beforeYouStart: `You will need:

- your old and new addresses
- the date you moved
- the names and dates of birth of everyone who lives with you`,
    startUrl: '/forms/change-of-address',
  },
  {
    type: 'step_by_step',
    path: '/moving-home',
    title: 'Moving home in Stockport: step by step',
    summary: 'What to do when you move to a new home in Stockport, and who to tell.',
    topics: ['/council-tax', '/bins-and-recycling'],
    intro: 'Follow these steps when you move home within the borough or move here from somewhere else.',
    steps: [
      {
        title: 'Before you move',
        body: `Book a collection for furniture you do not want to take with you, or take it to a recycling centre.

Give your landlord or your buyer's solicitor your moving date.`,
        links: [
          { text: 'Book a bulky waste collection', href: '/book-a-bulky-waste-collection' },
          { text: 'Household waste recycling centres', href: '/recycling-centres' },
        ],
      },
      {
        title: 'Tell us you have moved',
        body: 'Tell us your new address and the date you moved. We will update your council tax, your bin collections and the electoral register.',
        links: [{ text: 'Tell us you have moved', href: '/tell-us-you-have-moved' }],
      },
      {
        title: 'Check your council tax',
        body: 'We will send you a bill for your new home. Check if you can get a discount, for example if you live alone.',
        links: [
          { text: 'Council tax bands and charges', href: '/council-tax-bands' },
          { text: 'Council tax discounts and exemptions', href: '/council-tax-discounts' },
          { text: 'Set up a Direct Debit', href: '/ways-to-pay-council-tax/direct-debit' },
        ],
      },
      {
        title: 'Find out about your bins',
        body: 'Find out which day your bins are collected and what goes in each one. If there are no bins at your new home, order some.',
        links: [
          { text: 'Find your bin collection day', href: '/bin-collection-days' },
          { text: 'What goes in each bin', href: '/what-goes-in-each-bin' },
          { text: 'Get a new or replacement bin', href: '/new-or-replacement-bin' },
        ],
      },
      {
        title: 'Apply for a parking permit',
        body: 'If your new home is in a resident parking zone, apply for a permit before you park on the street.',
        links: [{ text: 'Resident parking permits', href: '/resident-parking-permits' }],
      },
      {
        title: 'Find a school place',
        body: 'If you have children, apply for a school place near your new home.',
        links: [{ text: 'Apply for a school place', href: '/applying-for-a-school-place/in-year' }],
      },
      {
        title: 'Get to know your area',
        body: 'Join your local library and find community groups near you.',
        links: [
          { text: 'Join the library', href: '/join-the-library' },
          { text: 'Find community groups and services', href: '/community-and-volunteering/community-directory' },
        ],
      },
    ],
  },
];
