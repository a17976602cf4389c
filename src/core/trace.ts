// Named diagnostics channels (node:diagnostics_channel) where an SOP is parsed into a document and a FlowModel is built:
// free when nobody listens; tests and profilers subscribe to count them (one of each per SOP per command).
import { channel } from 'node:diagnostics_channel';

/** Published once per SopDocument made from bytes (slow or fast path): `{ absPath }`. */
export const documentParsed = channel('sop:document:parse');
/** Published once per buildFlowModel() call: `{ data }` (the frontmatter data it was built from). */
export const flowModelBuilt = channel('sop:model:build');
