import type { DemoPage } from './types.ts';

const COMMUNITY = '/community-and-volunteering';

export const COMMUNITY_PAGES: DemoPage[] = [
  {
    type: 'guide',
    path: '/volunteering',
    title: 'Volunteering',
    summary: 'Give your time to help people in your area, and find a role that suits you.',
    topics: [COMMUNITY],
    sections: [
      {
        title: 'Ways to volunteer',
        slug: 'ways-to-volunteer',
        body: `Volunteering is a good way to meet people, learn new skills and help your community. You can give as little as an hour a month.

You could:

- help at a lunch club or a food bank
- become a [Digital Champion](/get-online) and help people get online
- read with children at a library
- look after a park or a green space with a friends group
- befriend an older person who lives alone`,
      },
      {
        title: 'How to get started',
        slug: 'get-started',
        body: `Tell us what you are interested in and when you are free. Email volunteering@demo.lastmile.test and we will put you in touch with groups near you.

You can also [find community groups and services](/community-and-volunteering/community-directory) and contact them yourself.

+++ Do I need a criminal record check?
Only for some roles, such as working alone with children or adults who need care. The group you volunteer with will arrange it and pay for it.
+++`,
      },
    ],
  },
  {
    type: 'guide',
    path: '/community-grants',
    title: 'Community grants',
    summary: 'Apply for up to £5,000 for a project that helps people in your ward.',
    topics: [COMMUNITY],
    sections: [
      {
        title: 'Community grants',
        slug: 'overview',
        body: `Each of the borough's 20 wards has a small fund for local projects. Councillors for the ward decide which projects to support.

## Who can apply

Community groups, charities, schools and residents' associations can apply. You must have a bank account in the group's name.

## What you can get

Grants are usually between £250 and £5,000. In the past they have paid for:

- planters and bulbs for a high street
- equipment for a youth football team
- a summer fun day on a housing estate
- training for volunteers

## How to apply

Email communitygrants@demo.lastmile.test to ask for an application form. We decide in March, July and November.`,
      },
    ],
  },
];
