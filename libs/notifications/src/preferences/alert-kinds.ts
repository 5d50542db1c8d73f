/** The alerts a user chooses channels for; every other message is part of the user's work and always arrives. */
export const ALERT_KINDS = ['need_matched', 'deadline_reminder', 'followed_status', 'followed_answer'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Where an alert goes. Both channels are on until the user turns one off. */
export interface Channels {
  inApp: boolean;
  email: boolean;
}

export const DEFAULT_CHANNELS: Channels = { inApp: true, email: true };
