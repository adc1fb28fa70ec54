import type { DemoPage } from './types.ts';

const ROADS = '/roads-travel-and-parking/roads-and-streetlights';
const PARKING = '/roads-travel-and-parking/parking';

export const ROADS_PAGES: DemoPage[] = [
  {
    type: 'start',
    path: '/report-a-streetlight-fault',
    title: 'Report a streetlight fault',
    summary: 'Tell us about a streetlight that is not working, flickers, is on during the day or is damaged.',
    topics: [ROADS],
    body: `Tell us about a streetlight that:

- is not working
- is on during the day
- flickers or goes on and off
- is damaged or leaning

We fix most faults within 7 working days. You can follow your report online.

> Warning: If a column has been knocked down or wires are showing, do not touch it. Call 0161 496 0700 straight away, at any time of day or night.`,
    beforeYouStart: `It helps if you can tell us the number on the streetlight. It is on a small plate on the column, about head height.

You can find the light on a map, or search for the street.`,
    startUrl: '/report',
  },
  {
    type: 'start',
    path: '/report-a-pothole',
    title: 'Report a pothole',
    summary: 'Tell us about a pothole in a road, pavement or cycle lane.',
    topics: [ROADS],
    body: `Tell us about a pothole or a broken surface in a road, pavement or cycle lane that we look after.

We inspect every report. We make dangerous potholes safe within 24 hours and repair others within 28 days.

Motorways and some major A roads are looked after by National Highways. Report those to them.`,
    beforeYouStart: 'You can add a photo. Only take one if it is safe to do so.',
    startUrl: '/report',
  },
  {
    type: 'start',
    path: '/report-a-blocked-drain',
    title: 'Report a blocked drain',
    summary: 'Tell us about a road drain (gully) that is blocked, smells, or has a broken cover.',
    topics: [ROADS],
    body: `Tell us about a drain at the side of a road that is blocked, smells, or has a broken or missing cover.

Drains inside your property, and sewers, are looked after by the water company, not by us.

> Warning: If water is coming into a home, or a drain cover is missing from the road, call 0161 496 0700 now.`,
    startUrl: '/report',
  },
  {
    type: 'guide',
    path: '/how-we-repair-roads',
    title: 'How we inspect and repair roads',
    summary: 'How often we inspect roads, how quickly we fix potholes, and claiming for damage.',
    topics: [ROADS],
    sections: [
      {
        title: 'Inspections',
        slug: 'inspections',
        body: `We inspect busy roads and town centre pavements every month, and quiet residential streets once a year.

Between inspections, we rely on you to [report a pothole](/report-a-pothole) or other problems.`,
      },
      {
        title: 'How quickly we repair',
        slug: 'repair-times',
        body: `How quickly we repair a defect depends on how dangerous it is:

- a defect that is an immediate danger: made safe within 24 hours
- a pothole deeper than 40mm on a road: repaired within 28 days
- smaller defects: added to our programme of planned repairs

We may make a pothole safe with a temporary repair first, then come back to fix it properly.`,
      },
      {
        title: 'Claiming for damage',
        slug: 'claims',
        body: `If your vehicle was damaged or you were injured because of a defect on one of our roads, you can make a claim.

Email highwaysclaims@demo.lastmile.test with the date, time and exact place, photos of the defect, and details of the damage or injury.

We can only pay a claim if we knew about the defect and did not act within our repair times.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/gritting',
    title: 'Gritting roads in winter',
    summary: 'Which roads we grit, when, and where to find grit bins.',
    topics: [ROADS],
    sections: [
      {
        title: 'Gritting roads in winter',
        slug: 'overview',
        body: `We grit main roads, bus routes and roads to hospitals and fire stations when the forecast says they will freeze. This is about 4 in every 10 miles of road.

We usually grit in the evening, before the temperature drops, and again early in the morning if we need to.

## Grit bins

There are about 600 grit bins on steep hills and corners. You can use the grit on the road and pavement near the bin, but not on your own drive.

Tell customer services on 0161 496 0000 if a grit bin is empty.

> Rain can wash grit away, and grit does not work well below minus 7°C. Drive carefully even on gritted roads.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/blue-badge',
    title: 'Blue Badges',
    summary: 'Who can get a Blue Badge, how to apply, how to use it and how to renew it.',
    topics: [PARKING],
    sections: [
      {
        title: 'Who can get a Blue Badge',
        slug: 'eligibility',
        body: `A Blue Badge lets you park closer to where you need to go if you have a disability or health condition.

You get a badge without any more assessment if you:

- get the higher rate of the mobility part of Disability Living Allowance
- scored 8 points or more in the 'moving around' activity of Personal Independence Payment
- are registered blind

You may also get one if you find walking very difficult, cannot walk, have a hidden disability such as autism or dementia, or are a parent of a child under 3 with a medical condition.

[Check if you can get a Blue Badge](/check-if-you-can-get-a-blue-badge).`,
      },
      {
        title: 'How to apply',
        slug: 'how-to-apply',
        body: `A badge costs £10 and lasts up to 3 years.

You will need:

- a recent digital photo of your face
- your National Insurance number
- proof of your address and of your benefits, if you get them

We decide most applications within 12 weeks.`,
      },
      {
        title: 'Using your badge',
        slug: 'using-your-badge',
        body: `You can park:

- on single or double yellow lines for up to 3 hours, unless there are loading restrictions
- in disabled parking bays
- free in our car parks and on-street pay and display bays

> Warning: It is a criminal offence to use someone else's badge, or to use your badge when you are not in the car. You could be fined up to £1,000.`,
      },
      {
        title: 'Renewing your badge',
        slug: 'renewing',
        body: 'We will write to you 12 weeks before your badge runs out. You must apply again: renewal is not automatic.',
      },
    ],
  },
  {
    type: 'start',
    path: '/check-if-you-can-get-a-blue-badge',
    title: 'Check if you can get a Blue Badge',
    summary: 'Answer a few questions to find out if you can get a Blue Badge without a further assessment.',
    topics: [PARKING],
    body: `Answer a few questions to find out whether you can get a Blue Badge without a further assessment of your walking.

It takes about 5 minutes. We will contact you about what happens next.

Read more about [who can get a Blue Badge](/blue-badge).`,
    beforeYouStart: 'If you get Personal Independence Payment, have your latest award letter ready.',
    startUrl: '/forms/blue-badge-eligibility',
  },
  {
    type: 'guide',
    path: '/resident-parking-permits',
    title: 'Resident parking permits',
    summary: 'Apply for a permit to park in a resident parking zone near your home, and get visitor permits.',
    topics: [PARKING],
    sections: [
      {
        title: 'Resident parking permits',
        slug: 'overview',
        body: `In a resident parking zone, you need a permit to park on the street during the hours on the signs.

## Prices

- first permit: £45 a year
- second permit: £90 a year
- book of 20 visitor permits: £15

Each home can have up to 2 resident permits.

## Apply for a permit

Call 0161 496 0800. You will need proof that you live at the address, and the registration of a car that is registered to you at that address.

+++ If you use a Blue Badge
You can park in a resident parking zone with a Blue Badge. You do not need a permit as well.
+++`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/parking-fines',
    title: 'Pay or challenge a parking fine',
    summary: 'Pay a penalty charge notice (PCN), or challenge it if you think it is wrong.',
    topics: [PARKING],
    sections: [
      {
        title: 'Pay a penalty charge notice',
        slug: 'pay',
        body: `A penalty charge notice (PCN) is £70 or £50, depending on how serious the contravention was.

If you pay within 14 days, you pay half.

Call our automated line on 0161 496 0810 to pay by card. You will need your PCN number, which starts with SK.`,
      },
      {
        title: 'Challenge a penalty charge notice',
        slug: 'challenge',
        body: `If you think a PCN should not have been issued, write to us within 28 days. Email parking@demo.lastmile.test with your PCN number, why you think it is wrong, and any evidence, such as photos.

If you challenge within 14 days and we say no, we will give you another 14 days to pay the lower amount.

If we still say no, you can appeal to the Traffic Penalty Tribunal, which is independent.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/car-parks',
    title: 'Council car parks',
    summary: 'Where our car parks are, what they cost and how to pay.',
    topics: [PARKING],
    sections: [
      {
        title: 'Council car parks',
        slug: 'overview',
        body: `We run 38 car parks across the borough. You can pay by card, by phone or with the parking app.

## Town centre car parks

- Merseyway multi-storey: £1.80 for 2 hours, £6.50 all day
- Bus station: £1.50 for 2 hours, £5 all day
- Town Hall: free after 6pm and on Sundays

## District centre car parks

Most car parks in district centres such as Marple, Bramhall and Cheadle are free for the first 2 hours.

Blue Badge holders park free in all our car parks.`,
      },
    ],
  },
];
