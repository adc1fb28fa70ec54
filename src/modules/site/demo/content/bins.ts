import type { DemoPage } from './types.ts';

const BINS = '/bins-and-recycling';

export const BINS_PAGES: DemoPage[] = [
  {
    type: 'guide',
    path: '/bin-collection-days',
    title: 'Find your bin collection day',
    summary: 'When we collect each of your bins, and what to do if your bin was not collected.',
    topics: [BINS],
    sections: [
      {
        title: 'Your collection day',
        slug: 'your-collection-day',
        body: `We collect bins on the same day of the week all year, except over Christmas and New Year.

Your grey bin is collected one week. Your blue, brown and green bins are collected the next week.

To find your collection day, call 0161 496 0200 or look at the calendar we sent you in March.

## Putting your bins out

- put your bins at the edge of your property by 7am on your collection day
- make sure the lid is closed, or we may not be able to empty it
- take your bins back in by the end of the day

> If you cannot move your bins because of a disability or health condition, and nobody can help you, we can collect them from your property. Call 0161 496 0200 to ask for an assisted collection.`,
      },
      {
        title: 'If we did not collect your bin',
        slug: 'missed-collections',
        body: `Check that your bin was out by 7am and that the lid was closed.

If we should have emptied it, [report a missed bin collection](/report-a-missed-bin-collection). You can do this up to 14 days after the collection was due.

We do not return to collect bins that were not out on time, that had the wrong things in them, or that were too heavy to move safely.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/what-goes-in-each-bin',
    title: 'What goes in each bin',
    summary: 'Which bin to use for paper, glass, cans, plastics, food and garden waste, and what we cannot collect.',
    topics: [BINS],
    sections: [
      {
        title: 'Blue bin: paper and card',
        slug: 'blue-bin',
        body: `Put these in your blue bin:

- newspapers, magazines and catalogues
- envelopes, including ones with windows
- cardboard boxes, flattened
- cereal boxes and toilet roll tubes
- greeting cards without glitter

Do not put in shredded paper, wallpaper, or pizza boxes with food on them.`,
      },
      {
        title: 'Brown bin: glass, cans and plastics',
        slug: 'brown-bin',
        body: `Put these in your brown bin, rinsed and with the lids back on:

- glass bottles and jars
- food and drink cans, aerosols and clean foil
- plastic bottles
- plastic pots, tubs and trays

Do not put in plastic bags, film, crisp packets, drinking glasses or Pyrex.`,
      },
      {
        title: 'Green bin: garden and food waste',
        slug: 'green-bin',
        body: `Put your garden waste and all your food waste in your green bin.

- grass cuttings, leaves, weeds and small branches
- cooked and uncooked food, including meat, fish and bones
- tea bags and coffee grounds
- fruit and vegetable peelings

Line your kitchen caddy with newspaper or a compostable bag. Do not use plastic bags.`,
      },
      {
        title: 'Grey bin: everything else',
        slug: 'grey-bin',
        body: `Use your grey bin for household rubbish that cannot be recycled, such as:

- nappies and sanitary products
- plastic bags, film and crisp packets
- polystyrene
- pet waste, in a tied bag

Put your rubbish in bags before it goes in the bin.`,
      },
      {
        title: 'Things we cannot collect',
        slug: 'things-we-cannot-collect',
        body: `Do not put these in any of your bins:

- batteries and small electrical items, which can start fires in our lorries
- paint, oil and chemicals
- building rubble and soil
- clothes and shoes

> Warning: Batteries thrown away in bins cause fires in bin lorries and at our recycling plant. Take them to a supermarket collection point or a [recycling centre](/recycling-centres).

Take large items such as furniture to a recycling centre, or [book a bulky waste collection](/book-a-bulky-waste-collection).`,
      },
    ],
  },
  {
    type: 'start',
    path: '/report-a-missed-bin-collection',
    title: 'Report a missed bin collection',
    summary: 'Tell us if we did not empty your bin on your collection day.',
    topics: [BINS],
    body: `Use this service if we did not empty your bin on your collection day.

You can report a missed bin up to 14 days after the collection was due. It takes about 3 minutes.

We will collect missed bins within 2 working days.`,
    beforeYouStart: `You will need:

- the address where the bin was missed
- which bin was missed, and the day it was due

Check [when your bins are collected](/bin-collection-days) before you report a missed bin.`,
    startUrl: '/forms/missed-bin',
  },
  {
    type: 'start',
    path: '/book-a-bulky-waste-collection',
    title: 'Book a bulky waste collection',
    summary: 'We can collect up to 10 large items, such as furniture and fridges, from your home.',
    topics: [BINS],
    body: `We can collect up to 10 large household items that do not fit in your bins, such as:

- sofas, chairs, tables and beds
- mattresses
- fridges, freezers and washing machines

It costs £38 for up to 3 items and £8 for each item after that. If you get Council Tax Support, the first collection in a year is free.`,
    beforeYouStart: `You will need:

- a list of the items
- the address we should collect from

We cannot collect garden waste, building rubble, car parts or anything from a business.`,
    startUrl: '/forms/bulky-waste',
  },
  {
    type: 'guide',
    path: '/new-or-replacement-bin',
    title: 'Get a new or replacement bin',
    summary: 'Order a new bin if yours is lost, stolen or broken, or if you have moved into a new-build home.',
    topics: [BINS],
    sections: [
      {
        title: 'Get a new or replacement bin',
        slug: 'overview',
        body: `We replace bins that are broken because of wear and tear, or that our crews damaged, for free.

It costs £25 to replace a bin that was lost, stolen or damaged in another way.

If you have moved into a newly built home, the developer should have paid for your bins. Ask them first.

## How to order

Call 0161 496 0200. We will deliver your bin within 10 working days.

+++ If your bin was stolen
Tell us the date you last saw it. If you reported it to the police, give us the crime reference number.
+++`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/recycling-centres',
    title: 'Household waste recycling centres',
    summary: 'Where to take large items, garden waste, electrical items and hazardous waste, and when centres are open.',
    topics: [BINS],
    sections: [
      {
        title: 'Household waste recycling centres',
        slug: 'overview',
        body: `You can take household waste to our 2 recycling centres for free. You do not need to book.

## Bredbury recycling centre

Open every day, 8am to 8pm from April to September and 8am to 4pm from October to March.

## Cheadle recycling centre

Open every day except Wednesday, 8am to 6pm.

## What you can take

- furniture and mattresses
- electrical items and batteries
- garden waste and soil
- paint, oil and car batteries
- up to 10 bags of rubble a month

> You must show proof that you live in the borough, such as a council tax bill, if we ask. Vans and trailers need a permit.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/christmas-bin-collections',
    title: 'Christmas and New Year bin collections',
    summary: 'How bin collections change over Christmas and New Year 2026.',
    topics: [BINS],
    sections: [
      {
        title: 'Christmas and New Year bin collections',
        slug: 'overview',
        body: `Collections move by up to 2 days over Christmas and New Year. Put your bin out by 7am on the new day.

- Friday 25 December moves to Monday 28 December
- Monday 28 December moves to Tuesday 29 December
- Friday 1 January moves to Saturday 2 January

All other days stay the same.

## Real Christmas trees

Cut your tree into pieces and put it in your green bin, or take it to a [recycling centre](/recycling-centres) until 31 January.

## Extra recycling

Put extra cardboard next to your blue bin, flattened, on your collection day. We will take it away.`,
      },
    ],
  },
];
