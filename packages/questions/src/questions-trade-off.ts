import type { Question } from './types'

export const questionsTradeOff: ReadonlyArray<Question> = [
  {
    id: 'instagram-stories-ad-load',
    title: 'More ads in Instagram Stories?',
    prompt:
      'Sales wants to show one more ad for every ten Stories viewed. Should Instagram do it? Make a recommendation.',
    type: 'trade-off',
    company: 'Instagram',
    tags: ['advertising', 'social', 'monetization'],
    difficulty: 'medium',
    hints: [
      'Assume a small test showed revenue per user up 6% and time spent in Stories down 2%.',
      'Assume advertisers are already asking for more Stories inventory than is available.',
    ],
  },
  {
    id: 'spotify-free-tier-limits',
    title: 'Tightening Spotify’s free tier',
    prompt:
      'Spotify is considering limiting skips and on-demand plays for free users to push more of them to Premium. Would you do it?',
    type: 'trade-off',
    company: 'Spotify',
    tags: ['subscription', 'audio', 'pricing'],
    difficulty: 'hard',
    hints: [
      'Assume free users generate ad revenue but far less per head than subscribers.',
      'Assume most new subscribers start on the free tier first.',
      'Assume rival services offer a more generous free plan in some markets.',
    ],
  },
  {
    id: 'uber-surge-pricing-cap',
    title: 'Capping surge pricing in emergencies',
    prompt:
      'During natural disasters, should Uber cap surge pricing? Lay out the trade-offs and decide.',
    type: 'trade-off',
    company: 'Uber',
    tags: ['pricing', 'ride-hailing', 'trust'],
    difficulty: 'hard',
    hints: [
      'Assume surge pricing is the main lever for bringing more drivers onto the road quickly.',
      'Assume past emergencies led to negative press coverage of high fares.',
      'Assume some local governments are drafting rules that would cap fares anyway.',
    ],
  },
  {
    id: 'amazon-delivery-day-consolidation',
    title: 'Faster delivery or fewer trips at Amazon',
    prompt:
      'Should Amazon nudge customers toward a single weekly delivery day instead of the fastest possible delivery?',
    type: 'trade-off',
    company: 'Amazon',
    tags: ['e-commerce', 'logistics', 'sustainability'],
    difficulty: 'medium',
    hints: [
      'Assume consolidating orders cuts delivery cost per package by roughly a quarter.',
      'Assume fast shipping is one of the top reasons people pay for Prime.',
      'Assume the company has public carbon reduction targets.',
    ],
  },
  {
    id: 'duolingo-hearts-free-users',
    title: 'Removing hearts for free Duolingo users',
    prompt:
      'Duolingo limits free learners with “hearts” that run out after mistakes. Should it remove the limit?',
    type: 'trade-off',
    company: 'Duolingo',
    tags: ['edtech', 'monetization', 'gamification'],
    difficulty: 'medium',
    hints: [
      'Assume running out of hearts is the most common trigger for a subscription purchase.',
      'Assume it is also the most common moment at which new learners quit for good.',
    ],
  },
  {
    id: 'notion-ai-pricing',
    title: 'Pricing Notion AI',
    prompt:
      'Should Notion include its AI features in every paid plan or sell them as a separate add-on?',
    type: 'trade-off',
    company: 'Notion',
    tags: ['pricing', 'ai', 'b2b-saas'],
    difficulty: 'medium',
    hints: [
      'Assume every AI request has a real compute cost, unlike most other Notion features.',
      'Assume competitors bundle similar AI features into their standard plans.',
      'Assume heavy AI use is concentrated in a small share of workspaces.',
    ],
  },
]
