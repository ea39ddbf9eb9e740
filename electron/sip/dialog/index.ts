// The PBX dialog layer (RFC 3261 §12, §13.3.1.4): dialog state, in-dialog requests, the UAS 2xx/ACK wait.
export type { DialogId, DialogState, DialogRequestOptions } from './dialog';
export { Dialog } from './dialog';
export type { CreateDialogOptions } from './createDialog';
export { createUasDialog, createUacDialog } from './createDialog';
export { DialogSet } from './dialogSet';
export type { RequestTarget } from './requestTarget';
export { requestTarget } from './requestTarget';
export type { AnswerInviteOptions } from './uasInvite';
export { AnsweredInvite, answerInvite } from './uasInvite';
