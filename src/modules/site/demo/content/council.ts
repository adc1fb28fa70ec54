import type { DemoPage } from './types.ts';

const ABOUT = '/about-the-council';
const PRIVACY = '/about-the-council/data-protection';
const DOCUMENTS = '/public/documents';

export const COUNCIL_PAGES: DemoPage[] = [
  {
    type: 'contact',
    path: '/contact-us',
    title: 'Contact us',
    summary: 'Phone, email or visit customer services for help with any council service.',
    topics: [ABOUT],
    body: `You can do many things online, at any time, such as [report a problem](/report) or [pay your council tax](/pay-your-council-tax).

If you need to talk to someone, call customer services. We can help with any council service, or put you through to the right team.

## Emergencies out of hours

For emergencies when we are closed, such as a dangerous road, a flood or concerns about someone's safety, call 0161 496 0999.

## If you need help to contact us

We can arrange a British Sign Language interpreter, or an interpreter for another language. Ask when you call, or email us.`,
    phone: '0161 496 0000',
    email: 'customerservices@demo.lastmile.test',
    address: 'Town Hall, Edward Street, Stockport SK1 3XE',
    openingHours: 'Monday to Friday, 8:30am to 5pm. Town Hall customer service desk: Monday to Friday, 9am to 4pm',
  },
  {
    type: 'contact',
    path: '/press-office',
    title: 'Press office',
    summary: 'Contact details for journalists.',
    topics: ['/about-the-council/news-and-media'],
    body: `The press office answers questions from journalists. It cannot help with questions about council services: [contact us](/contact-us) instead.

Out of hours, for urgent media questions only, call 0161 496 0601.`,
    phone: '0161 496 0600',
    email: 'press@demo.lastmile.test',
    openingHours: 'Monday to Friday, 9am to 5pm',
  },
  {
    type: 'guide',
    path: '/complaints',
    title: 'Complaints and feedback',
    summary: 'Tell us when we get things wrong, or when we get them right.',
    topics: [ABOUT],
    sections: [
      {
        title: 'Make a complaint',
        slug: 'make-a-complaint',
        body: `If you are unhappy with a council service, tell the team that provided it first. Most problems can be put right quickly.

If that does not work, make a formal complaint. Email complaints@demo.lastmile.test or call 0161 496 0000. Tell us:

- what went wrong, and when
- what you would like us to do to put it right

We will reply within 20 working days.

> If you want to report a problem such as a pothole or a missed bin, use our [report a problem service](/report) or [report a missed bin collection](/report-a-missed-bin-collection). That is not a complaint.`,
      },
      {
        title: 'If you are still not happy',
        slug: 'ombudsman',
        body: 'If you are not happy with our final reply, you can ask the Local Government and Social Care Ombudsman to look at your complaint. It is free and independent.',
      },
      {
        title: 'Compliments',
        slug: 'compliments',
        body: 'If a member of staff has done a good job, tell us: email compliments@demo.lastmile.test. We pass every compliment on.',
      },
    ],
  },
  {
    type: 'guide',
    path: '/councillors-and-wards',
    title: 'Councillors and wards',
    summary: 'How the borough is divided into wards, what councillors do and how to contact yours.',
    topics: [ABOUT],
    sections: [
      {
        title: 'Councillors and wards',
        slug: 'overview',
        body: `The borough is divided into 20 areas called wards. Each ward elects 3 councillors, so there are 60 in all.

Councillors decide the council's plans and budget, and help people in their ward who have a problem with a council service.

## Contact your councillor

Call customer services on 0161 496 0000 and tell us your postcode. We will give you your councillors' contact details.

## Elections

Local elections take place in May in 3 years out of 4. A third of the councillors are elected each time.`,
      },
    ],
  },
  {
    type: 'publication',
    path: '/council-plan',
    title: 'Council plan 2026 to 2030',
    summary: 'What the council plans to do over the next 4 years, and how we will know if it is working.',
    topics: [ABOUT],
    publishedOn: '2026-04-01',
    body: `The council plan sets out our priorities for the next 4 years:

- a borough where everyone can get online, and nobody is left behind
- safe, clean streets and well-kept roads
- support for people to live independently for longer
- a good start in life for every child
- homes that people can afford

We report on our progress every 6 months.`,
    documents: [
      { title: 'Council plan 2026 to 2030', url: `${DOCUMENTS}/council-plan-2026-2030.pdf`, format: 'PDF', sizeBytes: 2_457_600 },
      { title: 'Council plan 2026 to 2030: easy read', url: `${DOCUMENTS}/council-plan-2026-2030-easy-read.pdf`, format: 'PDF', sizeBytes: 1_153_434 },
      { title: 'Council plan measures 2026 to 2030', url: `${DOCUMENTS}/council-plan-measures-2026-2030.csv`, format: 'CSV', sizeBytes: 18_944 },
    ],
  },
  {
    type: 'publication',
    path: '/digital-inclusion-strategy',
    title: 'Digital inclusion strategy 2025 to 2028',
    summary: 'How we will help everyone in the borough to get online safely and with confidence.',
    topics: ['/digital-skills', ABOUT],
    publishedOn: '2025-09-15',
    body: `About 1 in 10 adults in the borough do not use the internet, or use it very little. This strategy sets out how we will work with libraries, community groups and businesses to change that.

Find out how to [get help to get online](/get-online).`,
    documents: [{ title: 'Digital inclusion strategy 2025 to 2028', url: `${DOCUMENTS}/digital-inclusion-strategy-2025-2028.pdf`, format: 'PDF', sizeBytes: 1_872_000 }],
  },
  {
    type: 'publication',
    path: '/council-tax-leaflet-2026-to-2027',
    title: 'Council tax explained 2026 to 2027',
    summary: 'The leaflet that comes with your council tax bill: charges, spending and how to get help.',
    topics: ['/council-tax'],
    publishedOn: '2026-03-01',
    body: 'This leaflet explains the council tax charges for 2026 to 2027 and how the money is spent. It comes with every council tax bill.',
    documents: [{ title: 'Council tax explained 2026 to 2027', url: `${DOCUMENTS}/council-tax-explained-2026-2027.pdf`, format: 'PDF', sizeBytes: 864_256 }],
  },
  {
    type: 'publication',
    path: '/council-tax-privacy-notice',
    title: 'Council tax privacy notice',
    summary: 'How we use your personal information to collect council tax and give discounts and support.',
    topics: [PRIVACY, '/council-tax'],
    publishedOn: '2026-04-01',
    body: `This notice explains how the council tax team uses your personal information. Read it with our main [privacy notice](/privacy).

## What we collect

- your name, contact details and the address of the property
- the names of other adults who live there
- your bank details, if you pay by Direct Debit
- information about your income and your household, if you apply for a discount or Council Tax Support

## Why we use it

We use it to work out and collect council tax, which the Local Government Finance Act 1992 says we must do, and to give discounts and support.

## Who we share it with

We may share it with the Valuation Office Agency, the Department for Work and Pensions, enforcement agents acting for us, and other councils if you move. We take part in the National Fraud Initiative.

## How long we keep it

We keep council tax records for 6 years after the end of the year they relate to.`,
    documents: [{ title: 'Council tax privacy notice', url: `${DOCUMENTS}/privacy/council-tax-privacy-notice.pdf`, format: 'PDF', sizeBytes: 212_992 }],
  },
  {
    type: 'publication',
    path: '/adult-social-care-privacy-notice',
    title: 'Adult social care privacy notice',
    summary: 'How we use your personal information when we assess and arrange care and support.',
    topics: [PRIVACY, '/adult-social-care'],
    publishedOn: '2026-04-01',
    body: `This notice explains how adult social care uses your personal information. Read it with our main [privacy notice](/privacy).

## What we collect

- your name, date of birth, contact details and NHS number
- information about your health, disability and care needs
- details of your family and of people who care for you
- your income and savings, if we carry out a financial assessment

## Why we use it

We use it to assess your needs and arrange your care, as the Care Act 2014 says we must, and to keep adults safe from abuse and neglect.

## Who we share it with

We share information with the NHS and with care providers so they can care for you safely. We only share what they need. If someone is at risk of harm, we may share information without asking you first.

## How long we keep it

We keep social care records for 8 years after our last contact with you, or longer if the law says we must.`,
    documents: [
      { title: 'Adult social care privacy notice', url: `${DOCUMENTS}/privacy/adult-social-care-privacy-notice.pdf`, format: 'PDF', sizeBytes: 245_760 },
      { title: 'Adult social care privacy notice: easy read', url: `${DOCUMENTS}/privacy/adult-social-care-privacy-notice-easy-read.pdf`, format: 'PDF', sizeBytes: 983_040 },
    ],
  },
  {
    type: 'guide',
    path: '/privacy',
    title: 'Privacy notice',
    summary: 'How Stockport Council uses your personal information, and your rights.',
    topics: [PRIVACY],
    sections: [
      {
        title: 'Who we are',
        slug: 'who-we-are',
        body: `Stockport Council is the data controller for the personal information you give us. This means we decide how it is used and are responsible for keeping it safe.

Our data protection officer checks that we follow the law. Email dataprotection@demo.lastmile.test.

Some services have their own privacy notice with more detail, such as the [council tax privacy notice](/council-tax-privacy-notice) and the [adult social care privacy notice](/adult-social-care-privacy-notice).`,
      },
      {
        title: 'What we use your information for',
        slug: 'what-we-use-it-for',
        body: `We use your personal information to:

- give you the services you ask for
- do what the law says we must, such as collecting council tax
- keep children and adults safe
- plan and improve our services
- prevent and detect fraud

We only ask for what we need. We do not sell your information.`,
      },
      {
        title: 'Who we share it with',
        slug: 'sharing',
        body: `We share your information with other organisations only when we need to, for example with:

- companies that provide services for us, under contract
- the NHS, the police and other public bodies, where the law allows
- other teams in the council, so you do not have to tell us the same thing twice

When we share information, we make sure it is kept safe.`,
      },
      {
        title: 'How long we keep it',
        slug: 'how-long',
        body: 'We keep your information only for as long as we need it. How long depends on the service. Each service’s privacy notice says how long it keeps records.',
      },
      {
        title: 'Your rights',
        slug: 'your-rights',
        body: `You have the right to:

- ask for a copy of the information we hold about you
- ask us to correct information that is wrong
- ask us to delete information, or to stop using it, in some cases
- object to how we use your information

To use any of these rights, email dataprotection@demo.lastmile.test.

If you are not happy with how we have used your information, you can complain to the Information Commissioner's Office (ICO).`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/accessibility',
    title: 'Accessibility statement',
    summary: 'How accessible this website is, what to do if you have a problem using it, and how we test it.',
    topics: [ABOUT],
    sections: [
      {
        title: 'Using this website',
        slug: 'using-this-website',
        body: `Stockport Council runs this website. We want as many people as possible to be able to use it. For example, you should be able to:

- change colours, contrast levels and fonts using your browser or device settings
- zoom in up to 400% without the text spilling off the screen
- navigate most of the website using just a keyboard or speech recognition software
- listen to most of the website using a screen reader

We have also made the text as simple as possible to understand.`,
      },
      {
        title: 'How accessible this website is',
        slug: 'how-accessible',
        body: `We know some parts of this website are not fully accessible:

- some older PDF documents are not fully accessible to screen reader software
- the map you can use to report a problem cannot be used with a screen reader, but you can search for a street or postcode instead`,
      },
      {
        title: 'Feedback and contact information',
        slug: 'feedback',
        body: `If you need information on this website in a different format, such as accessible PDF, large print, easy read, audio recording or braille, email accessibility@demo.lastmile.test or call 0161 496 0000.

We will consider your request and get back to you within 5 working days.

## Reporting accessibility problems

If you find a problem not listed on this page, or think we are not meeting accessibility requirements, email accessibility@demo.lastmile.test.

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).`,
      },
      {
        title: 'Technical information',
        slug: 'technical-information',
        body: `Stockport Council is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

## Compliance status

This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the problems listed in [how accessible this website is](/accessibility/how-accessible).

## Disproportionate burden

We are not claiming disproportionate burden for any part of this website.

## Content that is not within the scope of the regulations

PDFs and other documents published before 23 September 2018 do not need to be accessible if they are not essential to providing our services.`,
      },
      {
        title: 'How we tested this website',
        slug: 'how-we-tested',
        body: `We test every page automatically each time we change the website, and carry out manual tests with screen readers and keyboards.

This website was last tested on 2 November 2026. This statement was prepared on 9 November 2026.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/cookies',
    title: 'Cookies',
    summary: 'The small files this website puts on your device, and what they are for.',
    topics: [ABOUT],
    sections: [
      {
        title: 'Cookies',
        slug: 'overview',
        body: `Cookies are small files saved on your phone, tablet or computer when you visit a website.

We only use cookies that are needed to make this website work. We do not use cookies to track you or to show you adverts.

## Essential cookie

We use one cookie, called lastmile_session. It:

- remembers your answers as you go through a form
- remembers that you are signed in
- stops other websites sending forms in your name

It expires after 30 minutes if you do not use the website.

You cannot turn this cookie off, because the website would not work without it.

## If we use other cookies in future

If we ever want to use cookies to measure how people use the website, we will ask you first and you can say no.`,
      },
    ],
  },
];
