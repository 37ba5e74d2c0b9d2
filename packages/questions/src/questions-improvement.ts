import type { Question } from './types'

export const questionsImprovement: ReadonlyArray<Question> = [
  {
    id: 'wechat-pay-offline-stores',
    title: 'WeChat Pay in physical stores',
    prompt:
      'How would you make WeChat’s payment system work better for people shopping in brick-and-mortar stores?',
    type: 'product-improvement',
    company: 'WeChat',
    tags: ['fintech', 'payments', 'offline-retail'],
    difficulty: 'medium',
    hints: [
      'Scanning a QR code at the till is already fairly common, but there is little beyond the payment itself for in-store shopping.',
      'Today’s heaviest users are young professionals in big cities and people quick to try new tech.',
      'Leadership cares about three things: more transactions, more merchants accepting it, and users who stick with the app.',
      'Expect pushback from privacy rules and from old checkout systems in stores that are hard to connect to.',
    ],
  },
  {
    id: 'alipay-international-customers',
    title: 'Alipay for international customers',
    prompt:
      'Alibaba wants Alipay to serve customers outside mainland China far better. How would you improve their experience?',
    type: 'product-improvement',
    company: 'Alipay',
    tags: ['fintech', 'cross-border', 'international'],
    difficulty: 'hard',
    hints: [
      'Uptake abroad is low to moderate; most of it comes from cross-border online shopping and from visitors travelling in China.',
      'Alipay’s edge is its reach among Chinese merchants and cheaper cross-border fees; its weak spot is a thin network of local partners in other countries.',
      'Growing the international user base and getting each user to pay more often matter about equally.',
      'Engineering is already opening APIs to overseas developers and tightening security, so ideas should build on that work rather than clash with it.',
    ],
  },
  {
    id: 'spotify-podcast-discovery',
    title: 'Podcast discovery on Spotify',
    prompt:
      'Listeners say it is hard to find new podcasts they enjoy on Spotify. How would you improve that?',
    type: 'product-improvement',
    company: 'Spotify',
    tags: ['audio', 'discovery', 'recommendations'],
    difficulty: 'medium',
    hints: [
      'Assume most listeners play only the two or three shows they already follow.',
      'Assume podcast listening is growing, but far fewer people listen to podcasts than to music on the app.',
      'Assume the team’s goal is more weekly podcast listeners, not more ad revenue this year.',
    ],
  },
  {
    id: 'duolingo-advanced-learners',
    title: 'Duolingo for advanced learners',
    prompt:
      'Duolingo loses many users once they reach an intermediate level. How would you improve the product for them?',
    type: 'product-improvement',
    company: 'Duolingo',
    tags: ['edtech', 'retention', 'gamification'],
    difficulty: 'medium',
    hints: [
      'Assume churn roughly doubles after learners finish the first third of a course.',
      'Assume surveys say advanced learners feel lessons are repetitive and do not help real conversations.',
      'Assume there is no budget for human tutors; solutions should scale through software.',
    ],
  },
  {
    id: 'google-maps-public-transit',
    title: 'Public transit in Google Maps',
    prompt:
      'Pick a group of commuters and improve how Google Maps helps them get around by public transit.',
    type: 'product-improvement',
    company: 'Google Maps',
    tags: ['maps', 'mobility', 'commuting'],
    difficulty: 'easy',
    hints: [
      'Assume live arrival times exist in most large cities but are missing or unreliable in smaller ones.',
      'Assume the team is free to focus on any single market you choose.',
    ],
  },
  {
    id: 'linkedin-job-search-graduates',
    title: 'LinkedIn job search for new graduates',
    prompt:
      'How would you improve LinkedIn’s job search for people who have just finished university?',
    type: 'product-improvement',
    company: 'LinkedIn',
    tags: ['jobs', 'marketplace', 'early-career'],
    difficulty: 'medium',
    hints: [
      'Assume recent graduates apply to many roles but hear back from very few of them.',
      'Assume recruiters filter heavily on past experience, which graduates mostly lack.',
      'Assume success is measured by graduates who land an interview through LinkedIn.',
    ],
  },
  {
    id: 'zoom-hybrid-meetings',
    title: 'Hybrid meetings on Zoom',
    prompt:
      'In many meetings, some people sit together in a room while others dial in from home. How would you make Zoom better for these hybrid meetings?',
    type: 'product-improvement',
    company: 'Zoom',
    tags: ['collaboration', 'remote-work', 'video'],
    difficulty: 'hard',
    hints: [
      'Assume remote participants report speaking far less than people in the room.',
      'Assume most meeting rooms have a single shared camera and microphone at the front.',
      'Assume enterprise customers are the priority and any hardware change must work with existing room kits.',
    ],
  },
]
