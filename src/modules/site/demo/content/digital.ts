import type { DemoPage } from './types.ts';

const DIGITAL = '/digital-skills';
const LIBRARIES = '/libraries';

const CENTRAL_LIBRARY = { name: 'Central Library', address: 'Wellington Road South, Stockport', postcode: 'SK1 3RS' };
const BOOKING = 'https://events.demo.lastmile.test/digiknow';

export const DIGITAL_PAGES: DemoPage[] = [
  {
    type: 'guide',
    path: '/get-online',
    title: 'Get help to get online',
    summary: 'Free help with smartphones, tablets, computers and the internet, and help to get a device or data.',
    topics: [DIGITAL],
    sections: [
      {
        title: 'Free help near you',
        slug: 'free-help',
        body: `DigiKnow is free, friendly help with anything online. You can bring your own phone, tablet or laptop, or use one of ours.

- come to a [weekly digital drop-in](/events/digital-drop-in-central-library) at Central Library: you do not need to book
- come to the monthly [tech help café](/events/tech-help-cafe) at Marple Library
- ask at any library for a one-to-one appointment with a Digital Champion

If you cannot leave your home, a Digital Champion can help you over the phone. Call 0161 496 0460.`,
      },
      {
        title: 'Get a device or data',
        slug: 'devices-and-data',
        body: `If you cannot afford a device or an internet connection, we may be able to help.

- our device lending scheme lends tablets for up to 3 months, with free data
- free SIM cards with 6 months of data are available at libraries, for people on a low income
- some broadband companies have cheaper 'social tariffs' for people on benefits

Ask at any library, or call 0161 496 0460.`,
      },
      {
        title: 'Become a Digital Champion',
        slug: 'digital-champions',
        body: `Digital Champions are volunteers who help other people get online. You do not need to be an expert: you need patience and to be comfortable using the internet.

We give you free training. Find out more about [volunteering](/volunteering).`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/digifeb',
    title: 'DigiFeb 2027: a month of free digital skills events',
    summary: 'Free events across Stockport throughout February 2027 to help you do more online.',
    topics: [DIGITAL],
    sections: [
      {
        title: 'DigiFeb 2027',
        slug: 'overview',
        body: `DigiFeb is our festival of free digital skills events. It runs for the whole of February 2027, in libraries and community centres across the borough.

Whether you have never used the internet or want to learn something new, there is something for you.

## Events

- [DigiFeb launch: tech fair](/events/digifeb-launch-tech-fair), Monday 1 February
- [Smartphone basics](/events/digifeb-smartphone-basics), Wednesday 3 February
- [Spot the scam](/events/digifeb-spot-the-scam), Thursday 11 February
- [Using the NHS App](/events/digifeb-nhs-app), Tuesday 16 February
- [Family coding morning](/events/digifeb-family-coding-morning), Saturday 20 February
- [Video calls with family and friends](/events/digifeb-video-calls), Friday 26 February

All events are free. Some have limited places, so please book.

+++ If you need help to get to an event
Tell us when you book. Most of our venues have step-free access and hearing loops, and we can help you plan your journey.
+++`,
      },
    ],
  },
  {
    type: 'event',
    path: '/events/digital-drop-in-central-library',
    title: 'Digital drop-in at Central Library',
    summary: 'Free weekly help with phones, tablets, computers and getting online. No need to book.',
    topics: [DIGITAL, LIBRARIES],
    body: `Bring your phone, tablet or laptop, or use one of ours. Our Digital Champions can help with things like:

- setting up email
- shopping and banking safely online
- filling in forms online
- using apps to talk to family

You do not need to book. Just come along at any time during the session.`,
    startsAt: '2026-01-07T10:00:00+00:00',
    endsAt: '2026-01-07T12:00:00+00:00',
    recurrence: { frequency: 'weekly', until: '2027-07-28' },
    venue: CENTRAL_LIBRARY,
    cost: 'Free',
  },
  {
    type: 'event',
    path: '/events/tech-help-cafe',
    title: 'Tech help café at Marple Library',
    summary: 'Tea, cake and help with technology, on the first Tuesday of every month.',
    topics: [DIGITAL, LIBRARIES],
    body: `Have a cup of tea and get help with your technology questions, however small.

The café runs on the first Tuesday of every month. There is no need to book.`,
    startsAt: '2026-01-06T14:00:00+00:00',
    endsAt: '2026-01-06T16:00:00+00:00',
    recurrence: { frequency: 'monthly', until: '2027-12-07' },
    venue: { name: 'Marple Library', address: 'Memorial Park, Marple', postcode: 'SK6 6BA' },
    cost: 'Free',
  },
  {
    type: 'event',
    path: '/events/digifeb-launch-tech-fair',
    title: 'DigiFeb launch: tech fair',
    summary: 'Try out the latest gadgets, get advice and find out about everything happening in DigiFeb.',
    topics: [DIGITAL],
    body: `Start DigiFeb at our tech fair. You can:

- try smart speakers, tablets and video doorbells
- find out about cheaper broadband and free data
- get one-to-one help from Digital Champions
- sign up for other [DigiFeb events](/digifeb)

Drop in at any time.`,
    startsAt: '2027-02-01T10:00:00+00:00',
    endsAt: '2027-02-01T14:00:00+00:00',
    venue: { name: 'Town Hall', address: 'Edward Street, Stockport', postcode: 'SK1 3XE' },
    cost: 'Free',
  },
  {
    type: 'event',
    path: '/events/digifeb-smartphone-basics',
    title: 'DigiFeb: smartphone basics',
    summary: 'A relaxed session for people who are new to using a smartphone.',
    topics: [DIGITAL],
    body: `Learn how to make calls, send messages, take photos and keep your phone up to date.

Bring your own smartphone if you have one. We will have some to borrow.`,
    startsAt: '2027-02-03T10:00:00+00:00',
    endsAt: '2027-02-03T12:00:00+00:00',
    venue: { name: 'Edgeley Library', address: 'Edgeley Road, Edgeley, Stockport', postcode: 'SK3 9NB' },
    cost: 'Free',
    bookingUrl: BOOKING,
  },
  {
    type: 'event',
    path: '/events/digifeb-spot-the-scam',
    title: 'DigiFeb: spot the scam',
    summary: 'Learn how to recognise scam emails, texts and phone calls, and what to do about them.',
    topics: [DIGITAL],
    body: `Scammers are getting cleverer. In this session, trading standards officers show you real examples and how to spot the warning signs.

You will learn:

- what scam texts and emails look like
- how to check if a website is genuine
- who to tell if you think you have been scammed`,
    startsAt: '2027-02-11T14:00:00+00:00',
    endsAt: '2027-02-11T15:30:00+00:00',
    venue: { name: 'Bramhall Library', address: 'Bramhall Lane South, Bramhall', postcode: 'SK7 2DU' },
    cost: 'Free',
    bookingUrl: BOOKING,
  },
  {
    type: 'event',
    path: '/events/digifeb-nhs-app',
    title: 'DigiFeb: using the NHS App',
    summary: 'Get set up on the NHS App to order repeat prescriptions and book appointments.',
    topics: [DIGITAL],
    body: `We will help you download the NHS App, prove who you are and use it to order repeat prescriptions.

Bring your smartphone and photo ID, such as a passport or driving licence.`,
    startsAt: '2027-02-16T10:30:00+00:00',
    endsAt: '2027-02-16T12:00:00+00:00',
    venue: { name: 'Hazel Grove Library', address: 'Beech Avenue, Hazel Grove', postcode: 'SK7 4QP' },
    cost: 'Free',
    bookingUrl: BOOKING,
  },
  {
    type: 'event',
    path: '/events/digifeb-family-coding-morning',
    title: 'DigiFeb: family coding morning',
    summary: 'Children aged 7 to 12 and their grown-ups build a simple game together.',
    topics: [DIGITAL, LIBRARIES],
    body: `Work together to build a simple computer game. No experience needed.

Children must come with an adult. We provide the laptops.`,
    startsAt: '2027-02-20T10:00:00+00:00',
    endsAt: '2027-02-20T12:00:00+00:00',
    venue: CENTRAL_LIBRARY,
    cost: 'Free',
    bookingUrl: BOOKING,
  },
  {
    type: 'event',
    path: '/events/digifeb-video-calls',
    title: 'DigiFeb: video calls with family and friends',
    summary: 'Learn to make video calls on a phone, tablet or laptop.',
    topics: [DIGITAL],
    body: 'Find out how to make and answer video calls, and how to join a call someone has sent you a link to.',
    startsAt: '2027-02-26T14:00:00+00:00',
    endsAt: '2027-02-26T15:30:00+00:00',
    venue: { name: 'Cheadle Library', address: 'Ashfield Road, Cheadle', postcode: 'SK8 1BB' },
    cost: 'Free',
    bookingUrl: BOOKING,
  },
  {
    type: 'event',
    path: '/events/digifest-2027',
    title: 'DigiFest 2027',
    summary: 'A free day of technology for all ages in Stockport town centre.',
    topics: [DIGITAL],
    body: `DigiFest is our summer celebration of all things digital. Come along to:

- try virtual reality and robotics
- meet local tech businesses and find out about jobs and apprenticeships
- get free help with your devices
- join games and activities for children

There is no need to book.`,
    startsAt: '2027-06-12T10:00:00+01:00',
    endsAt: '2027-06-12T16:00:00+01:00',
    venue: { name: 'Merseyway', address: 'Merseyway, Stockport town centre', postcode: 'SK1 1QW' },
    cost: 'Free',
  },
  {
    type: 'event',
    path: '/events/digifest-online-safety-for-parents',
    title: 'DigiFest: keeping children safe online',
    summary: 'An evening session for parents and carers on games, social media and parental controls.',
    topics: [DIGITAL, '/children-and-families'],
    body: `Find out which apps and games children use, and how to set up parental controls on phones, tablets and games consoles.

The session is for adults only.`,
    startsAt: '2027-06-10T18:30:00+01:00',
    endsAt: '2027-06-10T20:00:00+01:00',
    venue: CENTRAL_LIBRARY,
    cost: 'Free',
    bookingUrl: BOOKING,
  },
];
