import type { Question } from './types'

export const questionsMetrics: ReadonlyArray<Question> = [
  {
    id: 'wechat-pay-success-metrics',
    title: 'Measuring WeChat Pay',
    prompt:
      'You are the PM who owns WeChat Pay. Which metrics would tell you whether the digital payment product is healthy and succeeding?',
    type: 'success-metrics',
    company: 'WeChat',
    tags: ['fintech', 'payments', 'super-app'],
    difficulty: 'hard',
    hints: [
      'The wallet lives inside the WeChat messaging app: people link a bank card or top up a balance, then pay by scanning a QR code or picking it at checkout, and get a confirmation straight away.',
      'Treat it as a mature product: widely adopted in China, still gaining features and slowly expanding abroad.',
      'Its main rival at home is Alipay; WeChat’s advantage is the sheer size of its messaging audience.',
      'Payers are not the only stakeholders: merchants, partner banks, Tencent itself and regulators all have a say.',
    ],
  },
  {
    id: 'slack-huddles-metrics',
    title: 'Success of Slack huddles',
    prompt:
      'Slack launched huddles, quick audio calls inside a channel. How would you measure whether they work?',
    type: 'success-metrics',
    company: 'Slack',
    tags: ['collaboration', 'communication', 'b2b-saas'],
    difficulty: 'medium',
    hints: [
      'Assume huddles have been live for six months and are included in every paid plan.',
      'Assume the intent was to replace short scheduled meetings, not long ones.',
      'Assume you can see call starts, duration and participant counts, but not what is said.',
    ],
  },
  {
    id: 'doordash-dashpass-metrics',
    title: 'Measuring DashPass',
    prompt:
      'How would you judge whether DashPass, DoorDash’s subscription, is succeeding? Name the metrics.',
    type: 'success-metrics',
    company: 'DoorDash',
    tags: ['subscription', 'food-delivery', 'marketplace'],
    difficulty: 'medium',
    hints: [
      'Assume DashPass members pay a monthly fee for free delivery on orders above a minimum.',
      'Assume delivery fees waived for members are partly funded by restaurants.',
      'Assume leadership worries members simply shifted orders they would have placed anyway.',
    ],
  },
  {
    id: 'instagram-reels-metrics',
    title: 'Instagram Reels success',
    prompt: 'How would you define success for Instagram Reels?',
    type: 'success-metrics',
    company: 'Instagram',
    tags: ['short-video', 'social', 'engagement'],
    difficulty: 'easy',
    hints: [
      'Assume Reels competes directly with TikTok for the same viewers and creators.',
      'Assume ads in Reels earn less per view than ads in the main feed for now.',
    ],
  },
  {
    id: 'google-maps-reviews-metrics',
    title: 'Measuring reviews on Google Maps',
    prompt:
      'You own user-written reviews of places on Google Maps. What metrics tell you the feature is healthy?',
    type: 'success-metrics',
    company: 'Google Maps',
    tags: ['maps', 'user-generated-content', 'local'],
    difficulty: 'medium',
    hints: [
      'Assume fake and paid reviews are a growing concern for both users and businesses.',
      'Assume a small share of contributors writes the majority of reviews.',
      'Assume reviews feed into how places are ranked in search results.',
    ],
  },
  {
    id: 'duolingo-streaks-metrics',
    title: 'Duolingo streaks',
    prompt:
      'How would you tell whether Duolingo’s daily streak feature is good for learners and for the business?',
    type: 'success-metrics',
    company: 'Duolingo',
    tags: ['edtech', 'gamification', 'habits'],
    difficulty: 'easy',
    hints: [
      'Assume streak freezes can be bought with in-app currency.',
      'Assume there is concern that some users do the minimum lesson just to keep a streak alive.',
    ],
  },
  {
    id: 'airbnb-experiences-metrics',
    title: 'Airbnb Experiences metrics',
    prompt:
      'Airbnb sells local activities hosted by locals, called Experiences. Which metrics would you put on its dashboard, and why?',
    type: 'success-metrics',
    company: 'Airbnb',
    tags: ['travel', 'marketplace', 'local'],
    difficulty: 'hard',
    hints: [
      'Assume most Experiences are booked by guests who already have a stay booked.',
      'Assume supply quality varies a lot between cities.',
      'Assume the strategic goal is to make Airbnb the app travellers open during a trip, not only before it.',
    ],
  },
]
