import { type LeaveConferenceOptions, leaveConference } from './leave-conference';

/** Exit conference: the added agent leaves and goes to wrap-up; the conversation goes on between the first agent and the customer. */
export const exitConference = (options: LeaveConferenceOptions) =>
  leaveConference({ ...options, how: 'exit' });
