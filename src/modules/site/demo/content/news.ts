import type { DemoPage } from './types.ts';

const NEWS = '/about-the-council/news-and-media';

export const NEWS_PAGES: DemoPage[] = [
  {
    type: 'news',
    path: '/news/recycling-bins-for-flats',
    date: '2026-01-19',
    title: 'New recycling bins for 4,000 flats',
    summary: 'People living in flats can now recycle food waste, glass, cans and plastics from their own building.',
    topics: ['/bins-and-recycling', NEWS],
    body: `People living in more than 4,000 flats across the borough can now recycle food waste, glass, cans and plastics without leaving their building.

Over the last 6 months, our crews have put new shared recycling bins in 180 blocks of flats. Each home has been given a kitchen caddy for food waste and a leaflet explaining [what goes in each bin](/what-goes-in-each-bin).

Before the change, most flats only had bins for general waste and paper.

## If you live in a flat

If your building does not have the new bins yet, ask your landlord or managing agent to contact us on 0161 496 0200.`,
  },
  {
    type: 'news',
    path: '/news/digifeb-2026-helps-1200-people',
    date: '2026-03-02',
    title: 'DigiFeb 2026 helps more than 1,200 people get online',
    summary: 'Our February festival of free digital skills events was the busiest yet.',
    topics: ['/digital-skills', NEWS],
    body: `More than 1,200 people came to free events during DigiFeb 2026, our month of digital skills help.

The 64 events, in libraries and community centres, covered everything from using a smartphone for the first time to spotting online scams. Sessions on the NHS App were the most popular.

60 volunteer Digital Champions gave more than 900 hours of their time.

You do not need to wait until next February for help. Our [weekly digital drop-in](/events/digital-drop-in-central-library) runs all year, and [DigiFeb 2027](/digifeb) is already being planned.`,
  },
  {
    type: 'news',
    path: '/news/council-tax-2026-to-2027',
    date: '2026-02-26',
    title: 'Council tax for 2026 to 2027 agreed',
    summary: 'Council tax will rise by 4.99% from April. Most of the rise will pay for adult social care.',
    topics: ['/council-tax', NEWS],
    body: `Councillors have agreed the council's budget for 2026 to 2027. Council tax will go up by 4.99% from 1 April.

2% of the rise can only be spent on adult social care. For a Band B home, the council's part of the bill will go up by about £1.50 a week.

Bills will arrive in March. You can see [what each band pays](/council-tax-bands/charges).

If you are struggling to pay, [get help early](/if-you-cannot-pay-council-tax). You may be able to get [Council Tax Support](/council-tax-support).`,
  },
  {
    type: 'news',
    path: '/news/streetlight-upgrade-finished',
    date: '2026-04-21',
    title: 'Every streetlight in the borough now uses LED lamps',
    summary: 'The last of 30,000 streetlights has been upgraded, cutting energy use by more than half.',
    topics: ['/roads-travel-and-parking/roads-and-streetlights', NEWS],
    body: `The last of the borough's 30,000 streetlights has been changed to use LED lamps, finishing a 4-year programme.

The new lights use less than half the energy of the old ones and last about 20 years, so they will need fewer repairs.

Each light can now tell us when it fails, so we often know about a fault before anyone reports it. If you see a light that is not working, please still [report a streetlight fault](/report-a-streetlight-fault).`,
  },
  {
    type: 'news',
    path: '/news/summer-reading-challenge-2026',
    date: '2026-06-29',
    title: 'Summer Reading Challenge starts at libraries',
    summary: 'Children can read 6 library books over the summer holidays and collect rewards.',
    topics: ['/libraries', NEWS],
    body: `The Summer Reading Challenge starts at all our libraries on Saturday 11 July.

Children aged 4 to 11 sign up for free at any library and read 6 books over the summer holidays. They collect stickers and rewards along the way, and get a certificate when they finish.

Children do not need to have a library card already: they can [join the library](/join-the-library) when they sign up.`,
  },
  {
    type: 'news',
    path: '/news/roads-resurfaced-2026',
    date: '2026-08-10',
    title: '60 roads to be resurfaced by the end of March',
    summary: 'A £4 million programme will resurface 60 roads across all 20 wards.',
    topics: ['/roads-travel-and-parking/roads-and-streetlights', NEWS],
    body: `We will resurface 60 roads across the borough between September 2026 and March 2027, at a cost of £4 million.

We chose the roads after inspecting every road in the borough and looking at the potholes people reported to us.

We will write to everyone who lives on a road 2 weeks before work starts. Most roads will be closed for 1 or 2 days.

Find out [how we inspect and repair roads](/how-we-repair-roads).`,
  },
  {
    type: 'news',
    path: '/news/more-support-for-carers',
    date: '2026-09-28',
    title: 'More help for unpaid carers',
    summary: 'Carers can now get a break of up to 7 nights a year and a free emergency plan.',
    topics: ['/adult-social-care', NEWS],
    body: `Unpaid carers in the borough can now get more help, after we listened to what carers told us they needed.

Carers who have had a carer's assessment can now get:

- a break of up to 7 nights a year while someone else provides care
- a free emergency plan, so the person they care for is looked after if the carer is suddenly ill

There are about 30,000 unpaid carers in the borough. Many do not know that help is available.

Find out about [support for carers](/support-for-carers).`,
  },
  {
    type: 'news',
    path: '/news/apply-for-primary-school-places',
    date: '2026-11-09',
    title: 'Apply now for a primary school place',
    summary: 'Parents of children born between 1 September 2022 and 31 August 2023 must apply by 15 January.',
    topics: ['/children-and-families/schools', NEWS],
    body: `If your child was born between 1 September 2022 and 31 August 2023, they will start primary school in September 2027.

You must apply for a place by 15 January 2027, even if your child goes to a nursery attached to a school or has a brother or sister there.

Read [getting a school place: step by step](/getting-a-school-place).`,
  },
  {
    type: 'news',
    path: '/news/christmas-bin-collections-2026',
    date: '2026-11-23',
    title: 'Christmas and New Year bin collection dates',
    summary: 'Some bin collections will move by up to 2 days over Christmas and New Year.',
    topics: ['/bins-and-recycling', NEWS],
    body: `Some bin collections will move over Christmas and New Year because of the bank holidays.

[Check the new collection days](/christmas-bin-collections) and put your bins out by 7am.

You can put extra flattened cardboard next to your blue bin, and real Christmas trees cut into pieces in your green bin.`,
  },
];
