import { fallbackColor } from '@mockroom/session-model'

/**
 * A colour from the id alone, until the room's participant list (which assigns each person a
 * distinct colour in joining order, see participantColors) has arrived.
 */
export const participantColor = fallbackColor
