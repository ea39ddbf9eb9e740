import type { ReactNode } from 'react';
import { CallControlButton } from '../../components/CallControlButton';
import { HandsetIcon, HangUpIcon, TransferIcon } from '../../components/icons';
import type { CallControls } from '../../phone/callLines';
import { useAppStore } from '../../store/StoreProvider';
import { callsSelectors } from '../../store/selectors';

/**
 * Transfer: while the target is typed into the Number box, **Transfer now** (blind: the other party is sent there) or
 * **Call first** (attended: this call waits on hold); during the consultation call **Complete transfer** joins the
 * two, **Cancel transfer** returns to the held call. `children` share the row of the plain Transfer control.
 */
export function TransferControls({ controls, children }: { controls: CallControls; children?: ReactNode }) {
  const transferring = useAppStore(callsSelectors.transferring);
  const startTransfer = useAppStore((state) => state.startTransfer);
  const cancelTransfer = useAppStore((state) => state.cancelTransfer);
  const transferNow = useAppStore((state) => state.transferNow);
  const callTransferTarget = useAppStore((state) => state.callTransferTarget);
  const completeTransfer = useAppStore((state) => state.completeTransfer);
  const cancel = <CallControlButton kind="decline" label="Cancel transfer" icon={<HangUpIcon />} onPress={() => void cancelTransfer()} />;

  if (transferring) {
    return (
      <div className="call-panel__row" role="group" aria-label="Transfer">
        <CallControlButton kind="transfer" label="Transfer now" icon={<TransferIcon />} onPress={() => void transferNow()} />
        <CallControlButton kind="transfer" label="Call first" icon={<HandsetIcon />} onPress={() => void callTransferTarget()} />
        {cancel}
      </div>
    );
  }
  if (controls.cancelTransfer) {
    return (
      <div className="call-panel__row" role="group" aria-label="Transfer">
        {controls.completeTransfer ? <CallControlButton kind="transfer" label="Complete transfer" icon={<TransferIcon />} onPress={() => void completeTransfer()} /> : null}
        {cancel}
      </div>
    );
  }
  if (!controls.transfer) return null;
  return (
    <div className="call-panel__row">
      <CallControlButton kind="transfer" label="Transfer" icon={<TransferIcon />} onPress={startTransfer} />
      {children}
    </div>
  );
}
