import { pendingRequest } from '../../ui/pendingRequest';

/** Going to Settings → Bring in a journal from elsewhere (the empty journal's first screen). */
const importRequest = pendingRequest();
export const requestImport = importRequest.request;
export const takeImportRequest = importRequest.take;
