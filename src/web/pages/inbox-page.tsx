/** Demo mode: the emails the app sent to the viewer. */
import { DemoInbox } from "../components/demo-inbox";
import { RequireViewer } from "../components/require-viewer";

export function InboxPage() {
  return <RequireViewer>{() => <DemoInbox refetchMs={3000} />}</RequireViewer>;
}
