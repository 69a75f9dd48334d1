export { toMessageDto } from '@switchboard/store';
