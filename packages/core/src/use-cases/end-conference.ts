import { type LeaveConferenceOptions, leaveConference } from './leave-conference';

/** End conference: the agent who holds the conversation leaves it to the agent they added and goes to wrap-up (product.md: "the conversation stays with the other agent"). */
export const endConference = (options: LeaveConferenceOptions) => leaveConference({ ...options, how: 'end' });
