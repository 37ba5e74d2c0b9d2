import type { Question } from './types'

export const questionsRootCause: ReadonlyArray<Question> = [
  {
    id: 'spotify-playlist-saves-drop',
    title: 'Drop in Spotify playlist saves',
    prompt:
      'The number of playlists saved on Spotify fell 15% week over week. How would you find out why?',
    type: 'root-cause',
    company: 'Spotify',
    tags: ['audio', 'engagement', 'analytics'],
    difficulty: 'medium',
    hints: [
      'Assume the drop is global and started on a Tuesday.',
      'Assume a redesigned playlist page rolled out to all Android users the same week.',
      'Assume total listening time is flat.',
    ],
  },
  {
    id: 'doordash-cancellations-spike',
    title: 'Spike in DoorDash cancellations',
    prompt:
      'Order cancellations on DoorDash jumped sharply in one region over the last three days. Walk me through your investigation.',
    type: 'root-cause',
    company: 'DoorDash',
    tags: ['food-delivery', 'operations', 'marketplace'],
    difficulty: 'hard',
    hints: [
      'Assume most cancellations are coming from customers rather than restaurants.',
      'Assume average delivery time estimates in that region went up by about ten minutes.',
      'Assume a local competitor started a heavy promotion the same week.',
      'Assume there was no app release during the period.',
    ],
  },
  {
    id: 'linkedin-connection-requests-drop',
    title: 'Fewer LinkedIn connection requests',
    prompt: 'Connection requests sent on LinkedIn are down 10% this month. What happened?',
    type: 'root-cause',
    company: 'LinkedIn',
    tags: ['social-network', 'growth', 'analytics'],
    difficulty: 'medium',
    hints: [
      'Assume the decline is concentrated on mobile.',
      'Assume the “People you may know” module was moved lower on the home screen last month.',
      'Assume acceptance rates of the requests that are sent have gone up slightly.',
    ],
  },
  {
    id: 'netflix-completion-rate-drop',
    title: 'Lower series completion on Netflix',
    prompt:
      'The share of Netflix viewers who finish a series they start has been falling for a quarter. How would you diagnose it?',
    type: 'root-cause',
    company: 'Netflix',
    tags: ['streaming', 'engagement', 'content'],
    difficulty: 'medium',
    hints: [
      'Assume the decline is steady rather than sudden.',
      'Assume the catalogue added many more long series this quarter than usual.',
      'Assume autoplay of the next episode was not changed.',
    ],
  },
  {
    id: 'airbnb-city-bookings-drop',
    title: 'Airbnb bookings fall in one city',
    prompt:
      'Airbnb bookings in one European city are down 20% compared with last year while nearby cities are flat. Find the cause.',
    type: 'root-cause',
    company: 'Airbnb',
    tags: ['travel', 'marketplace', 'regulation'],
    difficulty: 'hard',
    hints: [
      'Assume the number of active listings in the city also fell over the same period.',
      'Assume search traffic for the city is roughly unchanged.',
      'Assume the city council debated new short-term rental rules earlier in the year.',
    ],
  },
  {
    id: 'slack-messages-sent-drop',
    title: 'Drop in Slack messages sent',
    prompt:
      'Messages sent per active Slack user dropped 8% last week. How would you figure out why?',
    type: 'root-cause',
    company: 'Slack',
    tags: ['collaboration', 'engagement', 'b2b-saas'],
    difficulty: 'easy',
    hints: [
      'Assume the week included a public holiday in the United States.',
      'Assume the number of active users did not change.',
    ],
  },
]
