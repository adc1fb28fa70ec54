import type { DemoPage } from './types.ts';

/** The home page and the topic tree: the service areas every other page is tagged to. */
export const HOME_AND_TOPICS: DemoPage[] = [
  {
    type: 'home',
    path: '/',
    title: 'Stockport Council',
    summary: 'Find, pay for, apply for and report things to Stockport Council.',
    topics: [],
    intro: `This is a demonstration council website. The services and people are made up, but the pages work like a real council site.

Find out about bins, council tax, roads, libraries, care and support, and what is happening in the borough.`,
    popularTasks: [
      { text: 'Report a streetlight fault', href: '/report-a-streetlight-fault' },
      { text: 'Report a missed bin collection', href: '/report-a-missed-bin-collection' },
      { text: 'Pay your council tax', href: '/pay-your-council-tax' },
      { text: 'Book a bulky waste collection', href: '/book-a-bulky-waste-collection' },
      { text: 'Report a pothole', href: '/report-a-pothole' },
      { text: 'Check if you can get a Blue Badge', href: '/check-if-you-can-get-a-blue-badge' },
      { text: 'Tell us you have moved', href: '/tell-us-you-have-moved' },
      { text: 'Find your bin collection day', href: '/bin-collection-days' },
    ],
    featuredTopics: [
      '/bins-and-recycling',
      '/council-tax',
      '/roads-travel-and-parking',
      '/libraries',
      '/adult-social-care',
      '/children-and-families',
      '/community-and-volunteering',
      '/digital-skills',
      '/about-the-council',
    ],
  },
  {
    type: 'topic',
    path: '/bins-and-recycling',
    parent: null,
    title: 'Bins and recycling',
    summary: 'Collection days, what goes in each bin, missed bins, new bins, bulky waste and recycling centres.',
    topics: [],
    intro: `We collect your bins every 2 weeks. Your grey bin and your recycling bins go out on different weeks.

Put your bins at the edge of your property by 7am on your collection day.`,
    featured: [
      { text: 'Find your bin collection day', href: '/bin-collection-days' },
      { text: 'Report a missed bin collection', href: '/report-a-missed-bin-collection' },
      { text: 'What goes in each bin', href: '/what-goes-in-each-bin' },
      { text: 'Book a bulky waste collection', href: '/book-a-bulky-waste-collection' },
    ],
  },
  {
    type: 'topic',
    path: '/council-tax',
    parent: null,
    title: 'Council tax',
    summary: 'Pay your council tax, find your band, get a discount or help if you are struggling to pay.',
    topics: [],
    intro: `Council tax pays for local services such as bin collections, social care, libraries and repairing roads.

Most people pay in 10 monthly instalments from April to January. You can ask to pay in 12 instead.`,
    featured: [
      { text: 'Pay your council tax', href: '/pay-your-council-tax' },
      { text: 'Council tax bands and charges', href: '/council-tax-bands' },
      { text: 'Council tax discounts and exemptions', href: '/council-tax-discounts' },
      { text: 'Tell us you have moved', href: '/tell-us-you-have-moved' },
    ],
  },
  {
    type: 'topic',
    path: '/council-tax/paying',
    parent: '/council-tax',
    title: 'Paying your council tax',
    summary: 'Ways to pay, changing your payment date and what to do if you cannot pay.',
    topics: [],
    intro: `The quickest way to pay is by Direct Debit. You can choose the 1st, 15th or 28th of the month.

If you are finding it hard to pay, contact us as soon as you can. We can often spread what you owe.`,
    featured: [
      { text: 'Pay your council tax online', href: '/pay-your-council-tax' },
      { text: 'Ways to pay council tax', href: '/ways-to-pay-council-tax' },
      { text: 'If you cannot pay your council tax', href: '/if-you-cannot-pay-council-tax' },
    ],
  },
  {
    type: 'topic',
    path: '/council-tax/discounts-and-support',
    parent: '/council-tax',
    title: 'Council tax discounts and support',
    summary: 'Discounts for living alone, exemptions, Council Tax Support for people on a low income.',
    topics: [],
    intro: `You might pay less council tax if you live alone, are on a low income, are disabled or care for someone.

Tell us straight away if your circumstances change. You may have to pay back a discount you should not have had.`,
    featured: [
      { text: 'Council tax discounts and exemptions', href: '/council-tax-discounts' },
      { text: 'Council Tax Support', href: '/council-tax-support' },
    ],
  },
  {
    type: 'topic',
    path: '/roads-travel-and-parking',
    parent: null,
    title: 'Roads, travel and parking',
    summary: 'Report a road problem, streetlights, gritting, parking permits, penalty charges and Blue Badges.',
    topics: [],
    intro: `We look after about 1,000 miles of roads and pavements and 30,000 streetlights in the borough.

Motorways and some major A roads are looked after by National Highways, not by us.`,
    featured: [
      { text: 'Report a pothole', href: '/report-a-pothole' },
      { text: 'Report a streetlight fault', href: '/report-a-streetlight-fault' },
      { text: 'Blue Badges', href: '/blue-badge' },
      { text: 'Pay or challenge a parking fine', href: '/parking-fines' },
    ],
  },
  {
    type: 'topic',
    path: '/roads-travel-and-parking/roads-and-streetlights',
    parent: '/roads-travel-and-parking',
    title: 'Roads and streetlights',
    summary: 'Report potholes, broken streetlights and blocked drains, and find out how we grit roads in winter.',
    topics: [],
    intro: `You can report most problems on roads and pavements online. You will get a reference number, and we will tell you when the problem is fixed.

> Warning: If a streetlight column has been knocked down, wires are showing, or a drain cover is missing from the road, call 0161 496 0700 straight away. This line is open 24 hours a day.`,
    featured: [
      { text: 'Report a streetlight fault', href: '/report-a-streetlight-fault' },
      { text: 'Report a pothole', href: '/report-a-pothole' },
      { text: 'Report a blocked drain', href: '/report-a-blocked-drain' },
      { text: 'Gritting roads in winter', href: '/gritting' },
    ],
  },
  {
    type: 'topic',
    path: '/roads-travel-and-parking/parking',
    parent: '/roads-travel-and-parking',
    title: 'Parking',
    summary: 'Car parks, resident parking permits, Blue Badges and parking fines.',
    topics: [],
    intro: 'Find a car park, apply for a permit to park near your home, or pay or challenge a penalty charge notice.',
    featured: [
      { text: 'Check if you can get a Blue Badge', href: '/check-if-you-can-get-a-blue-badge' },
      { text: 'Resident parking permits', href: '/resident-parking-permits' },
      { text: 'Pay or challenge a parking fine', href: '/parking-fines' },
      { text: 'Council car parks', href: '/car-parks' },
    ],
  },
  {
    type: 'topic',
    path: '/libraries',
    parent: null,
    title: 'Libraries',
    summary: 'Join the library, opening hours, ebooks and free computers and wifi.',
    topics: [],
    intro: `Joining the library is free. You can borrow books, ebooks and audiobooks, use a computer and get help to get online.

There are 15 libraries in the borough. You can return books to any of them.`,
    featured: [
      { text: 'Join the library', href: '/join-the-library' },
      { text: 'Library opening hours and locations', href: '/library-opening-hours-and-locations' },
      { text: 'Ebooks, audiobooks and online resources', href: '/ebooks-and-online-resources' },
    ],
  },
  {
    type: 'topic',
    path: '/adult-social-care',
    parent: null,
    title: 'Adult social care',
    summary: 'Care and support at home, help for carers, paying for care and keeping adults safe.',
    topics: [],
    intro: `Adult social care helps people aged 18 and over to stay as independent as possible. This includes older people, disabled people and people with mental health needs.

If you or someone you know needs help, contact us. We will talk to you about what matters to you and what support is available.

> Warning: If someone is in immediate danger, call 999.`,
    featured: [
      { text: 'Care and support at home', href: '/care-and-support-at-home' },
      { text: 'Paying for care', href: '/paying-for-care' },
      { text: 'Support for carers', href: '/support-for-carers' },
      { text: 'Report concerns about an adult', href: '/worried-about-an-adult' },
    ],
  },
  {
    type: 'topic',
    path: '/children-and-families',
    parent: null,
    title: 'Children and families',
    summary: 'School places, free school meals, childcare, family support and keeping children safe.',
    topics: [],
    intro: `Find out about school places, help with childcare costs and support for families.

> Warning: If you think a child is in immediate danger, call 999.`,
    featured: [
      { text: 'Apply for a school place', href: '/applying-for-a-school-place' },
      { text: 'Free school meals', href: '/free-school-meals' },
      { text: 'Free childcare', href: '/free-childcare' },
      { text: 'Report concerns about a child', href: '/worried-about-a-child' },
    ],
  },
  {
    type: 'topic',
    path: '/children-and-families/schools',
    parent: '/children-and-families',
    title: 'Schools and education',
    summary: 'Apply for a school place, school term dates and free school meals.',
    topics: [],
    intro: 'Apply for a primary or secondary school place, and find out what help there is with the costs of school.',
    featured: [
      { text: 'Getting a school place: step by step', href: '/getting-a-school-place' },
      { text: 'Apply for a school place', href: '/applying-for-a-school-place' },
      { text: 'Free school meals', href: '/free-school-meals' },
    ],
  },
  {
    type: 'topic',
    path: '/community-and-volunteering',
    parent: null,
    title: 'Community and volunteering',
    summary: 'Find community groups and services, volunteer, and apply for community grants.',
    topics: [],
    intro: `Hundreds of community groups, charities and clubs work across the borough. Many of them need volunteers.

You can find groups near you, give some time, or apply for a grant for a local project.`,
    featured: [
      { text: 'Find community groups and services', href: '/community-and-volunteering/community-directory' },
      { text: 'Volunteering', href: '/volunteering' },
      { text: 'Community grants', href: '/community-grants' },
    ],
  },
  {
    type: 'topic',
    path: '/community-and-volunteering/community-directory',
    parent: '/community-and-volunteering',
    title: 'Find community groups and services',
    summary: 'Groups, clubs and services run by local organisations across the borough, and how to add yours.',
    topics: [],
    intro: `Our community directory lists groups, clubs, charities and services that anyone in the borough can use. It includes:

- lunch clubs, walking groups and social groups
- advice on money, debt and benefits
- support for carers and for people living with a long-term condition
- activities for children and young people

The online directory is being rebuilt. Until it is ready, call customer services on 0161 496 0000 and we will look up groups near you.

## Add your group or service

If you run a group or service, email communitydirectory@demo.lastmile.test with:

- the name of your group and what it does
- who it is for
- where and when it meets
- how people can contact you

We check every listing before it appears. We will contact you within 10 working days.`,
  },
  {
    type: 'topic',
    path: '/digital-skills',
    parent: null,
    title: 'DigiKnow: digital skills help',
    summary: 'Free help to get online, use a smartphone, stay safe online and get a device or data.',
    topics: [],
    intro: `DigiKnow is our free help for anyone who wants to do more online. You do not need to book for most sessions, and you do not need your own device.

Our volunteers, called Digital Champions, can help you:

- use a smartphone, tablet or laptop
- set up an email address
- make video calls to family and friends
- order repeat prescriptions and book appointments
- spot scams and stay safe online

Every February we run DigiFeb, a month of free events across the borough.`,
    featured: [
      { text: 'Get help to get online', href: '/get-online' },
      { text: 'Digital drop-in at Central Library', href: '/events/digital-drop-in-central-library' },
      { text: 'Tech help café', href: '/events/tech-help-cafe' },
      { text: 'DigiFeb 2027', href: '/digifeb' },
    ],
  },
  {
    type: 'topic',
    path: '/about-the-council',
    parent: null,
    title: 'About the council',
    summary: 'How the council works, our plans and spending, complaints, data protection and contact details.',
    topics: [],
    intro: `Stockport Council provides services for about 300,000 people in 20 wards.

Find out what we plan to do, how we spend our money and how to contact us.`,
    featured: [
      { text: 'Contact us', href: '/contact-us' },
      { text: 'Council plan 2026 to 2030', href: '/council-plan' },
      { text: 'Complaints and feedback', href: '/complaints' },
      { text: 'Privacy notice', href: '/privacy' },
    ],
  },
  {
    type: 'topic',
    path: '/about-the-council/news-and-media',
    parent: '/about-the-council',
    title: 'News and media',
    summary: 'Council news, and contact details for journalists.',
    topics: [],
    intro: `Read the latest [council news](/news) and see [what is on](/events).

Journalists can contact the [press office](/press-office).`,
  },
  {
    type: 'topic',
    path: '/about-the-council/data-protection',
    parent: '/about-the-council',
    title: 'Data protection and privacy',
    summary: 'How we use your personal information, and how to ask for a copy of it.',
    topics: [],
    intro: `We only collect the personal information we need to give you a service or to do what the law says we must.

Read our [privacy notice](/privacy) to find out how we use your information and what your rights are. Some services have their own privacy notice as well.

## Ask for a copy of your information

You can ask for a copy of the information we hold about you. This is called a subject access request. It is free.

Email dataprotection@demo.lastmile.test. Tell us your name, your address and what information you want. We will reply within one month.`,
  },
];
