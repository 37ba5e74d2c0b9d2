import type { Question } from './types'

export const questionsDesign: ReadonlyArray<Question> = [
  {
    id: 'wechat-mini-programs-small-business',
    title: 'Rethinking mini-programs for small merchants',
    prompt:
      'Suppose you could rethink WeChat mini-programs with small shop owners and founders in mind. What would you build, and why?',
    type: 'product-design',
    company: 'WeChat',
    tags: ['small-business', 'platform', 'super-app'],
    difficulty: 'medium',
    hints: [
      'Somewhere between 30% and 40% of small businesses that could run a mini-program actually do.',
      'The most popular uses are selling online, taking bookings and running loyalty rewards.',
      'Builders run into restricted access to phone features, tight storage caps and slow performance once apps get complex.',
      'Against competing platforms, WeChat wins on reach and on how tightly it is woven into daily life, while others offer richer advanced tooling.',
    ],
  },
  {
    id: 'airbnb-long-stays',
    title: 'Airbnb for month-long stays',
    prompt:
      'Design an Airbnb experience for remote workers who want to stay somewhere for a month or more.',
    type: 'product-design',
    company: 'Airbnb',
    tags: ['travel', 'remote-work', 'marketplace'],
    difficulty: 'medium',
    hints: [
      'Assume stays of 28 nights or more already make up a fast-growing share of bookings.',
      'Assume guests worry most about Wi-Fi quality and a proper place to work.',
      'Assume many hosts are reluctant to block their calendar for a whole month.',
    ],
  },
  {
    id: 'uber-older-riders',
    title: 'Uber for older riders',
    prompt: 'Design a ride experience on Uber that works well for people over 70.',
    type: 'product-design',
    company: 'Uber',
    tags: ['mobility', 'accessibility', 'ride-hailing'],
    difficulty: 'medium',
    hints: [
      'Assume many older riders do not own a smartphone or find app-based booking confusing.',
      'Assume family members often book and pay for the ride on their behalf.',
      'Assume drivers receive no extra pay for rides that need more time or assistance.',
    ],
  },
  {
    id: 'netflix-watch-together',
    title: 'Watching Netflix together apart',
    prompt:
      'Design a way for friends in different places to watch a Netflix show together at the same time.',
    type: 'product-design',
    company: 'Netflix',
    tags: ['streaming', 'social', 'entertainment'],
    difficulty: 'hard',
    hints: [
      'Assume third-party browser extensions for synced viewing exist but are clunky and desktop-only.',
      'Assume most Netflix viewing happens on TVs, where typing and chatting are awkward.',
      'Assume every participant must have their own Netflix account for licensing reasons.',
    ],
  },
  {
    id: 'notion-university-students',
    title: 'Notion for university students',
    prompt: 'Design a version of Notion that helps university students manage their studies.',
    type: 'product-design',
    company: 'Notion',
    tags: ['productivity', 'education', 'students'],
    difficulty: 'easy',
    hints: [
      'Assume the education plan is free, so success is about adoption and habit rather than revenue.',
      'Assume students today juggle a learning management system, a calendar and a note app side by side.',
    ],
  },
  {
    id: 'instagram-small-creator-earnings',
    title: 'Helping small creators earn on Instagram',
    prompt:
      'Design a product that helps Instagram creators with fewer than 10,000 followers earn money from their content.',
    type: 'product-design',
    company: 'Instagram',
    tags: ['creator-economy', 'monetization', 'social'],
    difficulty: 'hard',
    hints: [
      'Assume current monetization tools are available only to accounts above a follower threshold.',
      'Assume brands find small creators hard to discover and hard to vet.',
      'Assume Instagram will take a share of any earnings, capped at 10%.',
      'Assume the main business goal is keeping creators posting rather than direct revenue.',
    ],
  },
]
