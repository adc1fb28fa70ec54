import type { DemoPage } from './types.ts';

const LIBRARIES = '/libraries';

export const LIBRARY_PAGES: DemoPage[] = [
  {
    type: 'guide',
    path: '/join-the-library',
    title: 'Join the library',
    summary: 'Joining is free for everyone who lives, works or studies in the borough.',
    topics: [LIBRARIES],
    sections: [
      {
        title: 'Join the library',
        slug: 'overview',
        body: `Joining the library is free. Anyone who lives, works or studies in the borough can join, at any age.

With a library card you can:

- borrow up to 20 books, audiobooks and DVDs at a time, for 3 weeks
- download [ebooks, eaudiobooks and magazines](/ebooks-and-online-resources)
- use a computer and the wifi for free
- reserve books from any of our libraries

## How to join

Go to any library with proof of your name and address, such as a letter or a bank statement. It takes about 5 minutes.

Children under 16 need a parent or carer to sign their form.

> We do not charge fines on children's books.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/library-opening-hours-and-locations',
    title: 'Library opening hours and locations',
    summary: 'Where each library is and when it is open.',
    topics: [LIBRARIES],
    sections: [
      {
        title: 'Central Library',
        slug: 'central-library',
        body: `Wellington Road South, Stockport SK1 3RS

- Monday to Friday: 9am to 7pm
- Saturday: 9am to 4pm
- Sunday: closed

Central Library has the local history collection, a business and intellectual property centre, and 40 public computers.`,
      },
      {
        title: 'Marple Library',
        slug: 'marple-library',
        body: `Memorial Park, Marple SK6 6BA

- Monday, Tuesday and Thursday: 9:30am to 5pm
- Wednesday and Friday: 9:30am to 1pm
- Saturday: 9:30am to 1pm`,
      },
      {
        title: 'Reddish Library',
        slug: 'reddish-library',
        body: `Gorton Road, Reddish SK5 6UG

> Reddish Library is closed for roof repairs until 18 January 2027. You can return books to any other library.`,
      },
      {
        title: 'Other libraries',
        slug: 'other-libraries',
        body: `There are also libraries in Bramhall, Brinnington, Cheadle, Cheadle Hulme, Edgeley, Great Moor, Hazel Grove, Heald Green, Heaton Moor, High Lane, Romiley and Woodley.

Most are open 4 or 5 days a week. Call 0161 496 0450 to check opening times before you visit.`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/ebooks-and-online-resources',
    title: 'Ebooks, audiobooks and online resources',
    summary: 'Borrow ebooks, eaudiobooks, magazines and newspapers for free with your library card.',
    topics: [LIBRARIES],
    sections: [
      {
        title: 'Ebooks and eaudiobooks',
        slug: 'ebooks',
        body: `Borrow up to 10 ebooks and 10 eaudiobooks at a time, for 3 weeks. They return themselves, so there are never any fines.

You need your library card number and PIN. If you do not have a PIN, ask at any library.`,
      },
      {
        title: 'Magazines and newspapers',
        slug: 'magazines-and-newspapers',
        body: 'Read more than 3,000 magazines and 7,000 newspapers from around the world on your phone, tablet or computer.',
      },
      {
        title: 'Learning and family history',
        slug: 'learning',
        body: `You can also use, for free:

- online courses in languages and computer skills
- family history websites, on library computers
- encyclopaedias and homework help for children

If you are new to using a device, our [DigiKnow sessions](/get-online) can help you get started.`,
      },
    ],
  },
  {
    type: 'contact',
    path: '/contact-libraries',
    title: 'Contact libraries',
    summary: 'Phone or email the library service about your account, renewals and reservations.',
    topics: [LIBRARIES],
    body: 'Contact us to renew your loans, reserve a book, ask about your account or book a computer.',
    phone: '0161 496 0450',
    email: 'libraries@demo.lastmile.test',
    address: 'Central Library, Wellington Road South, Stockport SK1 3RS',
    openingHours: 'Monday to Friday, 9am to 5pm',
  },
];
