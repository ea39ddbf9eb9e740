// The dialog layer (RFC 3261 §12, §13.3.1.4): dialog state, in-dialog requests, the UAS 2xx/ACK wait; and the
// requests a UAC sends outside any dialog (§8.1.1).
export type { DialogId, DialogState, DialogRequestOptions } from './dialog';
export { Dialog } from './dialog';
export type { CreateDialogOptions } from './createDialog';
export { createUasDialog, createUacDialog } from './createDialog';
export { DialogSet } from './dialogSet';
export type { RequestTarget } from './requestTarget';
export { requestTarget } from './requestTarget';
export type { OutOfDialogRequestFields } from './outOfDialogRequest';
export { buildOutOfDialogRequest } from './outOfDialogRequest';
export type { AnswerInviteOptions } from './uasInvite';
export { AnsweredInvite, answerInvite } from './uasInvite';
